/**
 * Worker memory per idle account: N fresh mailbox users with a few messages each, linked
 * in a fresh database, one worker process (the product's startWorker) that syncs them all
 * and then watches each INBOX over its own IMAP session (IDLE); compared with the same
 * worker process over an empty database.
 */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { type Database, sql } from '@youjian/db';
import { connectImap, createMailUser, type MailUser } from '@youjian/mailstack';
import { linkAccount, untilLoginWorks } from '../accounts';
import type { BenchContext } from '../context';
import { createBenchDatabase } from '../database';
import { childEnv } from '../env';
import type { Figure } from '../report';
import { median, round } from '../stats';
import type { WorkerReply, WorkerRequest } from './worker-process';

const MESSAGES_PER_ACCOUNT = 3;
const SETTLE_MS = 15_000;
const MB = 2 ** 20;
const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function seedUser(): Promise<MailUser> {
  const mailUser = await createMailUser('qq.test');
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

async function seedUsers(count: number): Promise<MailUser[]> {
  const users: MailUser[] = [];
  const lanes = Array.from({ length: 8 }, async () => {
    while (users.length < count) {
      const slot = users.length;
      users.length += 1;
      users[slot] = await seedUser();
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
    return await worker.memory();
  } finally {
    await worker.stop();
  }
}

export async function runMemoryBenchmark(ctx: BenchContext): Promise<Figure[]> {
  const { log } = ctx;
  const count = ctx.env.quick ? 50 : 500;
  const users = await seedUsers(count);
  log(`${users.length} mailbox users with ${MESSAGES_PER_ACCOUNT} messages each`);

  const empty = await createBenchDatabase(ctx.postgresUrl);
  let baseline: { rss: number; heap: number };
  try {
    baseline = await measureWorker(ctx, empty.db, empty.url, 0);
  } finally {
    await empty.drop();
  }
  const full = await createBenchDatabase(ctx.postgresUrl);
  let loaded: { rss: number; heap: number };
  try {
    for (const mailUser of users) await linkAccount(full.db, mailUser, 'custom', ctx.secretBox);
    loaded = await measureWorker(ctx, full.db, full.url, count);
  } finally {
    await full.drop();
  }
  const perAccountRss = (loaded.rss - baseline.rss) / MB / count;
  const perAccountHeap = (loaded.heap - baseline.heap) / MB / count;
  log(
    `worker RSS ${round(baseline.rss / MB)} → ${round(loaded.rss / MB)} MB, heap+external ${round(baseline.heap / MB)} → ${round(loaded.heap / MB)} MB`,
  );
  const how = `${count} idle accounts (raw Dovecot IMAPS, IDLE, ${MESSAGES_PER_ACCOUNT} messages each), one worker process, all synced then ${SETTLE_MS / 1000} s idle, after global.gc(), median of 5 readings`;
  return [
    {
      name: 'worker.mem_per_account_mb',
      value: perAccountRss,
      unit: 'MB',
      target: 1,
      direction: 'max',
      note: `(RSS with ${count} accounts − RSS with 0) / ${count}: ${round(baseline.rss / MB)} → ${round(loaded.rss / MB)} MB; ${how}`,
    },
    {
      name: 'worker.heap_per_account_mb',
      value: perAccountHeap,
      unit: 'MB',
      target: null,
      note: `same, V8 heapUsed + external: ${round(baseline.heap / MB)} → ${round(loaded.heap / MB)} MB`,
    },
  ];
}
