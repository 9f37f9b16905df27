import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { closeDb, createDb, readDbEnv } from '@youjian/db';
import { isFree, resolveDatabaseUrl, StartupError } from '@youjian/db/embedded';
import { migrateDb } from '@youjian/db/migrate';

/** Repository root: tooling/src → .. → .. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const bin = (name: string) => path.join(REPO_ROOT, 'node_modules/.bin', name);

export interface ProductOptions {
  port?: number;
  /** extra environment for the web and worker processes (e.g. the test providers) */
  env?: Record<string, string>;
  /** runs after migrations, before the processes start (the demo seeds here) */
  beforeStart?: (databaseUrl: string) => Promise<void>;
  log?: (line: string) => void;
}

export interface RunningProduct {
  url: string;
  databaseUrl: string;
  stop: () => Promise<void>;
  /**
   * Stops the sync worker (SIGTERM, SIGKILL after 5 s) and starts a new one, as a deploy
   * or a crash-and-restart would; the web app keeps running. Resolves once the new
   * process is spawned.
   */
  restartWorker: () => Promise<void>;
}

/**
 * Starts Youjian as `npm start` does: the database (embedded unless DATABASE_URL is
 * set), migrations, a production build of the web app (turbo skips it when nothing
 * changed), then `next start` and the worker side by side.
 * Throws a StartupError (one line: what is wrong, what to do) for the failures a person
 * can fix — the web port taken first of all, before anything else is started.
 */
export async function startProduct(options: ProductOptions = {}): Promise<RunningProduct> {
  const log = options.log ?? ((line: string) => console.log(line));
  const port = webPort(options.port ?? process.env.PORT);
  const startedAt = performance.now();
  const dbEnv = readDbEnv();
  await refuseTakenWebPort(port);

  const database = await resolveDatabaseUrl(dbEnv, { log });
  log(`database: ${database.description}`);
  try {
    await migrate(database.url, database.embedded);
    await options.beforeStart?.(database.url);
    buildWebApp(log);
  } catch (error) {
    await database.stop();
    throw error;
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    YOUJIAN_DATA_DIR: dbEnv.dataDir,
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? localAuthSecret(dbEnv.dataDir),
    BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? `http://localhost:${port}`,
    PORT: String(port),
  };
  const children = [
    // the web app's own server (apps/web/server.ts): Next.js plus the client's real address
    spawnLogged(
      'web',
      process.execPath,
      ['--import', 'tsx', 'server.ts'],
      path.join(REPO_ROOT, 'apps/web'),
      env,
    ),
    spawnWorker(env),
  ];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all(children.map(stopChild));
    await database.stop();
  };
  const restartWorker = async () => {
    const [, worker] = children;
    if (stopped || !worker) return;
    await stopChild(worker);
    children[1] = spawnWorker(env);
  };
  const url = `http://localhost:${port}`;
  try {
    await waitForHttp(`${url}/sign-in`, children);
  } catch (error) {
    await stop();
    throw error;
  }
  log(
    `Youjian is ready at ${url} (${((performance.now() - startedAt) / 1000).toFixed(1)} s from start)`,
  );
  return { url, databaseUrl: database.url, stop, restartWorker };
}

/**
 * The sync worker: `node --import tsx` keeps it one process (the tsx CLI forks a child),
 * so a signal reaches the worker itself.
 */
function spawnWorker(env: NodeJS.ProcessEnv): ChildProcess {
  return spawnLogged(
    'worker',
    process.execPath,
    ['--import', 'tsx', 'src/main.ts'],
    path.join(REPO_ROOT, 'apps/worker'),
    env,
  );
}

function webPort(given: number | string | undefined): number {
  const port = Number(given ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StartupError(`PORT=${given} is not a TCP port — use a number such as PORT=3001`);
  }
  return port;
}

/** One line naming the port and a free one to choose instead. */
async function refuseTakenWebPort(port: number): Promise<void> {
  // `next start` listens on every address, so the port must be free on all of them
  if (await isFree(port, undefined)) return;
  let other = port + 1;
  while (other < 65535 && !(await isFree(other, undefined))) other += 1;
  throw new StartupError(
    `port ${port} is in use by another program (another Youjian?) — stop it, or start on another port: PORT=${other} npm start`,
  );
}

async function migrate(url: string, embedded: boolean): Promise<void> {
  const db = createDb(url, { max: 1 });
  try {
    await migrateDb(db);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!embedded && (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01')) {
      throw new StartupError(
        `cannot use the database at DATABASE_URL (${code}) — check that it runs and the URL is right, or unset DATABASE_URL to use the embedded one`,
      );
    }
    throw error;
  } finally {
    await closeDb(db);
  }
}

function buildWebApp(log: (line: string) => void): void {
  log('building the web app (cached when unchanged) …');
  const result = spawnSync(
    bin('turbo'),
    ['run', 'build', '--filter=@youjian/web', '--output-logs=errors-only'],
    {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1' },
    },
  );
  if (result.status !== 0) {
    throw new StartupError('the web app failed to build (its errors are above)');
  }
}

/** Better Auth signs sessions with this; generated once per data folder for local use. */
function localAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth.secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

function spawnLogged(
  name: string,
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): ChildProcess {
  const child = spawn(command, args, {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => `[${name}] ${line}\n`)
      .join('');
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal === null) console.error(`[${name}] exited with code ${code}`);
  });
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // the whole process group: next start forks its own server process
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

async function waitForHttp(url: string, children: ChildProcess[]): Promise<void> {
  for (;;) {
    const dead = children.find((child) => child.exitCode !== null);
    if (dead) {
      throw new StartupError(
        `a process exited before Youjian was ready (code ${dead.exitCode}; its output is above)`,
      );
    }
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
