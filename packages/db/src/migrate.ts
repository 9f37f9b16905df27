import path from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client';

const migrationsFolder = path.resolve(import.meta.dirname, '../drizzle');

/** Applies the committed SQL migrations; safe to call on every start. */
export async function migrateDb(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder });
}
