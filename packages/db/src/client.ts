import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';

export type Database = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/** Creates a pool-backed Drizzle client; nothing connects at import time. */
export function createDb(databaseUrl: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    // JIT off: the product's statements are short, index-driven ones. Postgres compiles a
    // statement once its estimated cost passes jit_above_cost, and a search whose estimate
    // counts every possible match did (82 functions, ~95 ms of a 1 ms query at 2.1M rows).
    options: '-c jit=off',
  });
  // An idle pooled connection the server ends (a restart, a failover, an administrator's
  // pg_terminate_backend) is reported as an 'error' on the pool; unheard, it would crash
  // the process. The pool has already dropped that connection and the next query opens
  // a new one, so there is nothing more to do than say so.
  pool.on('error', (error) => {
    console.warn(`[db] an idle database connection was closed by the server: ${error.message}`);
  });
  return drizzle(pool, { schema }) as Database;
}

/**
 * A connection of its own, outside the pool, with the pool's settings: for session state
 * held for seconds or minutes (an advisory lock) without taking a pooled connection from
 * the queries, and without holding up `closeDb`. The caller ends it.
 */
export function dedicatedConnection(db: Database): pg.Client {
  return new pg.Client(db.$client.options);
}

export async function closeDb(db: Database): Promise<void> {
  await db.$client.end();
}
