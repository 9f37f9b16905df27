import crypto from 'node:crypto';
import pg from 'pg';
import { closeDb, createDb, type Database } from './client';
import { migrateDb } from './migrate';

/** Server used by the tests: CI's and every developer machine's Postgres. */
export const TEST_SERVER_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  db: Database;
  url: string;
  drop: () => Promise<void>;
}

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `youjian_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  const db = createDb(url.toString());
  await migrateDb(db);
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await closeDb(db);
      const again = new pg.Client({ connectionString: TEST_SERVER_URL });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}
