/**
 * Real worker processes for the fault tests: `tsx apps/worker/src/main.ts`, as deployed,
 * killed with SIGKILL (no clean shutdown, no lease hand-back), and the comparison of a
 * folder's mirror with what the server holds.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, type Database, eq, mailbox, sql } from '@youjian/db';
import { type MailUser, providerEnv } from '@youjian/mailstack';
import { rowsOf } from './db-types';
import { secretKey, serverFlags } from './test-stack.integration-helpers';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface WorkerProcess {
  child: ChildProcess;
  /** everything the process wrote, for the failure message */
  output: () => string;
  exited: Promise<number | null>;
  kill9: () => Promise<void>;
  stop: () => Promise<void>;
}

export function spawnWorker(options: {
  databaseUrl: string;
  workerId: string;
  env?: Record<string, string>;
}): WorkerProcess {
  const child = spawn(
    path.join(repoRoot, 'node_modules/.bin/tsx'),
    [path.join(repoRoot, 'apps/worker/src/main.ts')],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...providerEnv(),
        DATABASE_URL: options.databaseUrl,
        YOUJIAN_SECRET_KEY: secretKey.toString('base64'),
        YOUJIAN_WORKER_ID: options.workerId,
        YOUJIAN_POLL_INTERVAL_MS: '500',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // tsx runs the script in a child node process: the worker is a process group, and
      // SIGKILL must reach the whole group (a killed tsx alone leaves the worker running)
      detached: true,
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const signal = async (name: NodeJS.Signals) => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      // SIGTERM goes to tsx, which relays it; SIGKILL goes to every process of the group
      if (name === 'SIGKILL') process.kill(-child.pid, name);
      else child.kill(name);
    }
    await exited;
  };
  return {
    child,
    output: () => output,
    exited,
    kill9: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
}

export async function mailboxRow(db: Database, accountId: string, path: string) {
  const [row] = await db
    .select()
    .from(mailbox)
    .where(and(eq(mailbox.accountId, accountId), eq(mailbox.path, path)));
  return row ?? null;
}

/** UID → sorted flags of a folder's mirror; also how many rows share a UID or Message-ID. */
export async function mirrorFlags(db: Database, accountId: string, path: string) {
  const box = await mailboxRow(db, accountId, path);
  if (!box) return { flags: new Map<number, string[]>(), duplicateUids: 0, duplicateIds: 0 };
  const rows = rowsOf<{ uid: string; flags: string[] }>(
    await db.execute(sql`select uid, flags from message
      where account_id = ${accountId} and mailbox_id = ${box.id}`),
  );
  const [dupes] = rowsOf<{ uids: number; ids: number }>(
    await db.execute(sql`select count(*) - count(distinct uid) as uids,
        count(message_id) - count(distinct message_id) as ids
      from message where account_id = ${accountId} and mailbox_id = ${box.id}`),
  );
  return {
    flags: new Map(rows.map((row) => [Number(row.uid), [...row.flags].sort()])),
    duplicateUids: Number(dupes?.uids ?? 0),
    duplicateIds: Number(dupes?.ids ?? 0),
  };
}

export interface FolderComparison {
  server: number;
  mirror: number;
  missing: number[];
  extra: number[];
  flagDiffs: Array<{ uid: number; server: string[]; mirror: string[] }>;
  duplicateUids: number;
  duplicateIds: number;
}

/** The mirror of `path` against a direct `UID FETCH 1:* (FLAGS)` on Dovecot. */
export async function compareWithServer(
  db: Database,
  accountId: string,
  mailUser: MailUser,
  path: string,
): Promise<FolderComparison> {
  const server = await serverFlags(mailUser, path);
  const mirror = await mirrorFlags(db, accountId, path);
  const comparison: FolderComparison = {
    server: server.size,
    mirror: mirror.flags.size,
    missing: [...server.keys()].filter((uid) => !mirror.flags.has(uid)),
    extra: [...mirror.flags.keys()].filter((uid) => !server.has(uid)),
    flagDiffs: [],
    duplicateUids: mirror.duplicateUids,
    duplicateIds: mirror.duplicateIds,
  };
  for (const [uid, flags] of server) {
    const mirrored = mirror.flags.get(uid);
    if (mirrored && mirrored.join(' ') !== flags.join(' ')) {
      comparison.flagDiffs.push({ uid, server: flags, mirror: mirrored });
    }
  }
  return comparison;
}

export const converged = (c: FolderComparison) =>
  c.missing.length + c.extra.length + c.flagDiffs.length + c.duplicateUids + c.duplicateIds === 0;

/** Compares until the mirror equals the server (a sync may be mid-pass), or times out. */
export async function untilConverged(
  db: Database,
  accountId: string,
  mailUser: MailUser,
  path: string,
  timeoutMs: number,
): Promise<FolderComparison> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const comparison = await compareWithServer(db, accountId, mailUser, path);
    if (converged(comparison) || Date.now() > deadline) return comparison;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** A short summary for assertion messages (the full lists can hold thousands of UIDs). */
export function describeComparison(c: FolderComparison): string {
  return JSON.stringify({
    ...c,
    missing: c.missing.slice(0, 10),
    extra: c.extra.slice(0, 10),
    flagDiffs: c.flagDiffs.slice(0, 5),
  });
}
