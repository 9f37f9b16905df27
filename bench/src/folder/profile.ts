/**
 * Profiles the two passes of the product's full mirror apart, on one seeded folder kept
 * between runs (development tool, not a benchmark figure):
 *
 *   npx tsx bench/src/folder/profile.ts --seed=50000          # once: a fresh seeded user
 *   npx tsx bench/src/folder/profile.ts [--bodies] [--keep] [--dump] [--cpu=dir]
 *     [--no-trigger] [--drop-index=a,b]
 *
 * Each run makes a fresh migrated database, times `syncAccount` (and with --bodies
 * `indexBodies`), and splits it into this process's CPU (`process.cpuUsage()`) and the time
 * Postgres statements were outstanding, by statement (wall time: it includes waiting for
 * this process's busy event loop; EXPLAIN the dumped statements for Postgres' own share).
 * --keep leaves the database, --dump writes the largest instance of each statement (text
 * and values) to /tmp/youjian-bench-profile-<pass>.json, --cpu writes a CPU profile per
 * pass, --no-trigger disables the contacts trigger, --drop-index drops message indexes.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import inspector from 'node:inspector/promises';
import { createSecretBox, sql } from '@youjian/db';
import { createMailUser, MAILSTACK, type MailUser, providerEnv } from '@youjian/mailstack';
import { writeMaildir } from '@youjian/mailstack/seed';
import pg from 'pg';
import { linkAccount, untilLoginWorks } from '../accounts';
import { createBenchDatabase } from '../database';
import { productBodyIndex } from './body-index';
import { countMirrored } from './header-sync';

const USER_FILE = '/tmp/youjian-bench-profile-user.json';
const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}`));
const value = (name: string) => flag(name)?.split('=')[1];

if (process.env.NODE_EXTRA_CA_CERTS !== MAILSTACK.caFile) {
  const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, ...providerEnv() },
  });
  process.exit(again.status ?? 1);
}
Object.assign(process.env, providerEnv());

/** Wall time each statement kind was outstanding (overlapping statements both count). */
const statements = new Map<string, { n: number; ms: number }>();
/** the last text and values of each statement kind, written out with --dump for EXPLAIN */
const samples = new Map<string, unknown>();
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function timedQuery(this: pg.Client, ...params: unknown[]) {
  const first = params[0] as string | { text?: string };
  const text = typeof first === 'string' ? first : (first?.text ?? '');
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 60);
  if (flag('dump'))
    keepLargest(key, { text, values: (first as { values?: unknown[] }).values ?? params[1] });
  const started = performance.now();
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads
  const result = (query as any).apply(this, params);
  if (result && typeof result.then === 'function') {
    const done = () => {
      const entry = statements.get(key) ?? { n: 0, ms: 0 };
      entry.n += 1;
      entry.ms += performance.now() - started;
      statements.set(key, entry);
    };
    result.then(done, done);
  }
  return result;
} as typeof query;

const toJson = (value: unknown) =>
  JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? String(v) : v));

function keepLargest(key: string, sample: unknown): void {
  const kept = samples.get(key);
  if (!kept || toJson(sample).length > toJson(kept).length) samples.set(key, sample);
}

function report(label: string, ms: number, cpu: NodeJS.CpuUsage): void {
  console.log(
    `${label}: ${(ms / 1000).toFixed(1)} s wall, node CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
  );
  const top = [...statements].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8);
  for (const [key, { n, ms: t }] of top) {
    console.log(`  ${(t / 1000).toFixed(2)} s  ${String(n).padStart(5)}×  ${key}`);
  }
  statements.clear();
  if (flag('dump')) {
    fs.writeFileSync(
      `/tmp/youjian-bench-profile-${label.split(' ')[0]}.json`,
      toJson([...samples]),
    );
    samples.clear();
  }
}

/** With --cpu=dir, each pass is CPU-profiled into dir/<pass>.cpuprofile (Chrome DevTools). */
const profiler = new inspector.Session();
profiler.connect();
async function profiled<T>(name: string, run: () => Promise<T>): Promise<T> {
  const dir = value('cpu');
  if (!dir) return run();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await profiler.post('Profiler.stop');
    fs.writeFileSync(`${dir}/${name}.cpuprofile`, JSON.stringify(profile));
  }
}

if (flag('seed')) {
  const mailUser = await createMailUser('qq.test');
  await untilLoginWorks(mailUser);
  const written = await writeMaildir(mailUser.address, 'INBOX', Number(value('seed')));
  fs.writeFileSync(USER_FILE, JSON.stringify(mailUser));
  console.log(`seeded ${written.written} messages for ${mailUser.address}`);
  process.exit(0);
}

const mailUser = JSON.parse(fs.readFileSync(USER_FILE, 'utf8')) as MailUser;
const secretBox = createSecretBox(crypto.randomBytes(32));
const bench = await createBenchDatabase('postgres://postgres@127.0.0.1:5432/postgres');
try {
  if (flag('no-trigger')) {
    await bench.db.execute(sql`alter table message disable trigger message_contacts`);
  }
  for (const index of value('drop-index')?.split(',') ?? []) {
    await bench.db.execute(sql.raw(`drop index ${index}`));
  }
  const { syncAccount } = await import('@youjian/sync');
  const { accountId } = await linkAccount(bench.db, mailUser, 'custom', secretBox);
  statements.clear();
  let cpu = process.cpuUsage();
  let started = performance.now();
  await profiled('header', () => syncAccount({ db: bench.db, accountId, secretBox }));
  report(
    `header sync (${await countMirrored(bench.db, accountId)} rows)`,
    performance.now() - started,
    process.cpuUsage(cpu),
  );
  if (flag('bodies')) {
    cpu = process.cpuUsage();
    started = performance.now();
    const run = await profiled('body', () => productBodyIndex(bench.db, secretBox, accountId));
    report(`body index (${run.indexed})`, performance.now() - started, process.cpuUsage(cpu));
  }
  if (flag('keep')) console.log(`kept ${bench.url}`);
} finally {
  if (!flag('keep')) await bench.drop();
}
process.exit(0);
