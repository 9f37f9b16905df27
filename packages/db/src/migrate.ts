import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client';

/**
 * Applies the committed SQL migrations; safe to call on every start. A face of its own
 * (`@youjian/db/migrate`): the web bundle never needs the migrations folder.
 */
export async function migrateDb(db: Database): Promise<void> {
  const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));
  await migrate(db, { migrationsFolder });
}
