import { closeDb, createDb } from './client';
import { resolveDatabaseUrl } from './embedded';
import { migrateDb } from './migrate';

const { url, stop } = await resolveDatabaseUrl();
const db = createDb(url, { max: 1 });
await migrateDb(db);
await closeDb(db);
await stop();
console.log('migrations applied');
