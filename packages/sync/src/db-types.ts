import type { Database } from '@youjian/db';

/** A Drizzle transaction of the project's database. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Either the pool-backed client or an open transaction. */
export type DbOrTx = Database | Tx;

/** Rows of `tx.execute(sql…)` (node-postgres returns a pg QueryResult). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
