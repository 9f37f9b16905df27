import crypto from 'node:crypto';
import { closeDb, createDb, type Database } from '@youjian/db';
import { migrateDb } from '@youjian/db/migrate';
import pg from 'pg';

export interface BenchDatabase {
  db: Database;
  url: string;
  drop: () => Promise<void>;
}

async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database per benchmark, so no worker ever sees another one's accounts. */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `youjian_bench_${crypto.randomBytes(5).toString('hex')}`;
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = createDb(url.toString());
  await migrateDb(db);
  let dropped = false;
  return {
    db,
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await closeDb(db);
      await admin(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
