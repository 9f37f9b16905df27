/**
 * Worker cost per idle account: N fresh mailbox users with a few messages each, linked
 * in a fresh database, one worker process (the product's startWorker, production
 * defaults) that syncs them all and then watches each INBOX over its own IMAP session —
 * IDLE on raw Dovecot, and NOOP polling on the NetEase emulation (no IDLE); memory and
 * CPU time compared with the same worker process over an empty database.
 */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { type Database, sql } from '@youjian/db';
import {
  connectImap,
  createMailUser,
  type MailstackDomain,
  type MailUser,
} from '@youjian/mailstack';
import { type BenchPreset, linkAccount, untilLoginWorks } from '../accounts';
import type { BenchContext } from '../context';
import { createBenchDatabase } from '../database';
import { childEnv } from '../env';
import type { Figure } from '../report';
import { median, round } from '../stats';
import type { WorkerReply, WorkerRequest } from './worker-process';

const MESSAGES_PER_ACCOUNT = 3;
const SETTLE_MS = 15_000;
/** CPU time is read over this window of watching (six NOOPs per NetEase account) */
const CPU_WINDOW_MS = 60_000;
const MB = 2 ** 20;
const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function seedUser(domain: MailstackDomain): Promise<MailUser> {
  const mailUser = await createMailUser(domain);
  await untilLoginWorks(mailUser);
  const client = await connectImap(mailUser);
  try {
    for (let i = 0; i < MESSAGES_PER_ACCOUNT; i++) {
      await client.append(
        'INBOX',
        `From: a@example.test\r\nTo: ${mailUser.address}\r\nSubject: hello ${i}\r\nMessage-ID: <${mailUser.address}-${i}>\r\n\r\nbody\r\n`,
      );
    }
  } finally {
    await client.logout();
  }
  return mailUser;
}

async function seedUsers(count: number, domain: MailstackDomain): Promise<MailUser[]> {
  const users: MailUser[] = [];
  const lanes = Array.from({ length: 8 }, async () => {
    while (users.length < count) {
      const slot = users.length;
      users.length += 1;
      users[slot] = await seedUser(domain);
    }
  });
  await Promise.all(lanes);
  return users;
}

class WorkerProcess {
  private readonly child: ChildProcess;
  private readonly replies: WorkerReply[] = [];
  private waiting: (() => void) | null = null;

  constructor(env: NodeJS.ProcessEnv) {
    this.child = fork(path.join(import.meta.dirname, 'worker-process.ts'), [], {
      cwd: REPO_ROOT,
      execArgv: ['--expose-gc', '--import', 'tsx'],
      env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (message: WorkerReply) => {
      this.replies.push(message);
      this.waiting?.();
    });
  }

  async ask<T extends WorkerReply['type']>(request: WorkerRequest, answer: T) {
    this.child.send(request);
    for (;;) {
      const index = this.replies.findIndex((r) => r.type === answer);
      if (index >= 0) return this.replies.splice(index, 1)[0] as Extract<WorkerReply, { type: T }>;
      if (this.child.exitCode !== null)
        throw new Error(`worker process exited (${this.child.exitCode})`);
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
        setTimeout(resolve, 1000);
      });
    }
  }

  /** median of a few readings a second apart, after a full GC each */
  async memory() {
    const readings = [];
    for (let i = 0; i < 5; i++) {
      readings.push(await this.ask({ type: 'measure' }, 'memory'));
      await sleep(1000);
    }
    return {
      rss: median(readings.map((r) => r.rss)),
      heap: median(readings.map((r) => r.heapUsed + r.external)),
    };
  }

  /** CPU time (user + system) the process spends over `windowMs`, in ms */
  async cpuOver(windowMs: number): Promise<number> {
    const before = await this.ask({ type: 'cpu' }, 'cpu');
    await sleep(windowMs);
    const after = await this.ask({ type: 'cpu' }, 'cpu');
    return (after.user + after.system - before.user - before.system) / 1000;
  }

  async stop() {
    await this.ask({ type: 'stop' }, 'stopped').catch(() => this.child.kill('SIGKILL'));
  }
}

async function syncedAccounts(db: Database): Promise<number> {
  const result = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from mail_account where status = 'ok'`,
  );
  return result.rows[0]?.n ?? 0;
}

async function measureWorker(ctx: BenchContext, db: Database, url: string, accounts: number) {
  const worker = new WorkerProcess(childEnv({}));
  try {
    await worker.ask(
      { type: 'start', databaseUrl: url, secretKey: ctx.secretKey.toString('base64') },
      'started',
    );
    const deadline = Date.now() + 10 * 60_000;
    while ((await syncedAccounts(db)) < accounts) {
      if (Date.now() > deadline)
        throw new Error(`only ${await syncedAccounts(db)} of ${accounts} accounts synced`);
      await sleep(500);
    }
    await sleep(SETTLE_MS);
    // CPU first: the memory readings force full garbage collections
    const cpuMs = await worker.cpuOver(CPU_WINDOW_MS);
    return { ...(await worker.memory()), cpuMs };
  } finally {
    await worker.stop();
  }
}

type WorkerCost = Awaited<ReturnType<typeof measureWorker>>;

/** The worker over `users` linked with `preset`, in a fresh database dropped afterwards. */
async function measureAccounts(ctx: BenchContext, users: MailUser[], preset: BenchPreset) {
  const bench = await createBenchDatabase(ctx.postgresUrl);
  try {
    for (const mailUser of users) await linkAccount(bench.db, mailUser, preset, ctx.secretBox);
    return await measureWorker(ctx, bench.db, bench.url, users.length);
  } finally {
    await bench.drop();
  }
}

const perMinute = (cpuMs: number) => (cpuMs * 60_000) / CPU_WINDOW_MS;

/** Per-account figures of one kind of account against the empty worker. */
function perAccount(loaded: WorkerCost, baseline: WorkerCost, count: number) {
  return {
    rssMb: (loaded.rss - baseline.rss) / MB / count,
    heapMb: (loaded.heap - baseline.heap) / MB / count,
    cpuMsPerMin: perMinute(loaded.cpuMs - baseline.cpuMs) / count,
  };
}

export async function runMemoryBenchmark(ctx: BenchContext): Promise<Figure[]> {
  const { log } = ctx;
  const count = ctx.env.quick ? 50 : 500;
  const users = await seedUsers(count, 'qq.test');
  const neteaseUsers = await seedUsers(count, '163.test');
  log(`${count} + ${count} mailbox users with ${MESSAGES_PER_ACCOUNT} messages each`);

  const empty = await createBenchDatabase(ctx.postgresUrl);
  let baseline: WorkerCost;
  try {
    baseline = await measureWorker(ctx, empty.db, empty.url, 0);
  } finally {
    await empty.drop();
  }
  const loaded = await measureAccounts(ctx, users, 'custom');
  const netease = await measureAccounts(ctx, neteaseUsers, '163');
  const idle = perAccount(loaded, baseline, count);
  const noop = perAccount(netease, baseline, count);
  log(
    `worker RSS ${round(baseline.rss / MB)} → ${round(loaded.rss / MB)} MB (IDLE), ${round(netease.rss / MB)} MB (NetEase NOOP); CPU ${round(perMinute(baseline.cpuMs))} → ${round(perMinute(loaded.cpuMs))} / ${round(perMinute(netease.cpuMs))} ms per min`,
  );
  const settled = `all synced then ${SETTLE_MS / 1000} s idle`;
  const how = `${count} idle accounts (raw Dovecot IMAPS, IDLE, ${MESSAGES_PER_ACCOUNT} messages each), one worker process, ${settled}, after global.gc(), median of 5 readings`;
  const neteaseHow = `${count} idle 163.test accounts linked with the 163 preset through the NetEase emulation (no IDLE: INBOX selected, NOOP every 10 s — the preset, no override), ${MESSAGES_PER_ACCOUNT} messages each, one worker process, ${settled}`;
  const cpuHow = `process.cpuUsage() of the worker (user + system) over ${CPU_WINDOW_MS / 1000} s of watching, minus the empty worker's (${round(perMinute(baseline.cpuMs))} ms/min), / ${count}; the 5-min all-folder pass is not in the window`;
  return [
    {
      name: 'worker.mem_per_account_mb',
      value: idle.rssMb,
      unit: 'MB',
      target: 1,
      direction: 'max',
      note: `(RSS with ${count} accounts − RSS with 0) / ${count}: ${round(baseline.rss / MB)} → ${round(loaded.rss / MB)} MB; ${how}`,
    },
    {
      name: 'worker.heap_per_account_mb',
      value: idle.heapMb,
      unit: 'MB',
      target: null,
      note: `same, V8 heapUsed + external: ${round(baseline.heap / MB)} → ${round(loaded.heap / MB)} MB`,
    },
    {
      name: 'worker.idle_cpu_per_account_ms_per_min',
      value: idle.cpuMsPerMin,
      unit: 'ms/min',
      target: null,
      note: `IDLE accounts as worker.mem_per_account_mb: ${round(perMinute(loaded.cpuMs))} ms/min in all; ${cpuHow}`,
    },
    {
      name: 'worker.netease_mem_per_account_mb',
      value: noop.rssMb,
      unit: 'MB',
      target: null,
      note: `(RSS with ${count} NetEase accounts − RSS with 0) / ${count}: ${round(baseline.rss / MB)} → ${round(netease.rss / MB)} MB; ${neteaseHow}, after global.gc(), median of 5 readings`,
    },
    {
      name: 'worker.netease_heap_per_account_mb',
      value: noop.heapMb,
      unit: 'MB',
      target: null,
      note: `same, V8 heapUsed + external: ${round(baseline.heap / MB)} → ${round(netease.heap / MB)} MB`,
    },
    {
      name: 'worker.netease_cpu_per_account_ms_per_min',
      value: noop.cpuMsPerMin,
      unit: 'ms/min',
      target: null,
      note: `${neteaseHow}: ${round(perMinute(netease.cpuMs))} ms/min in all; ${cpuHow}`,
    },
  ];
}
