/**
 * `npm run bench [-- --quick]`: starts what the benchmarks need (mail stack, mbsync,
 * Postgres), runs each group, stops what it started, and writes bench/RESULTS.md and
 * bench/results.json.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { createSecretBox } from '@youjian/db';
import { MAILSTACK, providerEnv } from '@youjian/mailstack';
import type { BenchContext } from './context';
import { childEnv, exportToProcess, readBenchEnv } from './env';
import { runFolderBenchmarks } from './folder';
import { runLiveBenchmark } from './live';
import { runLoadBenchmark } from './load';
import { runMemoryBenchmark } from './memory';
import { runNoopBenchmark } from './noop';
import { type Figure, writeResults } from './report';
import { runSearchBenchmark } from './search';
import { runSeededBenchmark } from './seeded';
import { ensureSystemDeps, startMailstack, startPostgres } from './stack';
import { since } from './stats';
import { runUiBenchmark } from './ui';

const BENCH_DIR = path.resolve(import.meta.dirname, '..');

const GROUPS: Array<{
  name: string;
  /** the target figures of the group, reported as failed when the group throws */
  targets: Array<Pick<Figure, 'name' | 'unit' | 'target' | 'direction'>>;
  run: (ctx: BenchContext) => Promise<Figure[]>;
}> = [
  {
    name: 'folder',
    targets: [
      { name: 'sync.first_header_ratio', unit: 'ratio', target: 0.7, direction: 'min' },
      { name: 'sync.full_mirror_vs_mbsync', unit: 'ratio', target: 1.0, direction: 'min' },
      { name: 'sync.first_page_s', unit: 's', target: 1.5, direction: 'max' },
    ],
    run: runFolderBenchmarks,
  },
  {
    name: 'seeded',
    targets: [],
    run: runSeededBenchmark,
  },
  {
    name: 'noop',
    targets: [{ name: 'sync.noop_incremental_ms', unit: 'ms', target: 150, direction: 'max' }],
    run: runNoopBenchmark,
  },
  {
    name: 'live',
    targets: [
      { name: 'live.p50_s', unit: 's', target: null },
      { name: 'live.p95_s', unit: 's', target: null },
      { name: 'live.overhead_p50_ms', unit: 'ms', target: 150, direction: 'max' },
      { name: 'live.netease_p95_s', unit: 's', target: 15, direction: 'max' },
    ],
    run: runLiveBenchmark,
  },
  {
    name: 'memory',
    targets: [
      { name: 'worker.mem_per_account_mb', unit: 'MB', target: 1, direction: 'max' },
      { name: 'worker.netease_cpu_per_account_ms_per_min', unit: 'ms/min', target: null },
    ],
    run: runMemoryBenchmark,
  },
  {
    name: 'search',
    targets: [
      { name: 'search.p95_ms', unit: 'ms', target: 100, direction: 'max' },
      { name: 'search.p50_ms', unit: 'ms', target: null },
      { name: 'search.vs_imap_search', unit: 'ratio', target: null },
    ],
    run: runSearchBenchmark,
  },
  {
    name: 'ui',
    targets: [
      { name: 'ui.inbox_ready_ms', unit: 'ms', target: 1000, direction: 'max' },
      { name: 'ui.open_message_p95_ms', unit: 'ms', target: 100, direction: 'max' },
      { name: 'ui.mail_route_js_kb', unit: 'KB', target: 250, direction: 'max' },
    ],
    run: runUiBenchmark,
  },
  {
    name: 'load',
    targets: [
      { name: 'load.p95_ms', unit: 'ms', target: 100, direction: 'max' },
      { name: 'load.errors', unit: 'requests', target: 0, direction: 'max' },
    ],
    run: runLoadBenchmark,
  },
];

const log = (line: string) => console.log(`[bench] ${line}`);

async function main(): Promise<void> {
  const env = readBenchEnv();
  const stopMailstack = await startMailstack();
  // Node reads NODE_EXTRA_CA_CERTS only at start-up: run again with the stack's CA trusted
  if (env.extraCaCerts !== MAILSTACK.caFile) {
    const again = spawnSync(
      path.join(BENCH_DIR, '../node_modules/.bin/tsx'),
      [path.join(import.meta.dirname, 'run.ts'), ...process.argv.slice(2)],
      { stdio: 'inherit', env: childEnv(providerEnv()) },
    );
    await stopMailstack();
    process.exit(again.status ?? 1);
  }
  exportToProcess(providerEnv());

  const startedAt = new Date();
  const clock = performance.now();
  const mbsync = ensureSystemDeps(log);
  const postgres = await startPostgres(env.postgresUrl);
  const secretKey = crypto.randomBytes(32);
  const ctx: BenchContext = {
    env,
    postgresUrl: postgres.url,
    secretBox: createSecretBox(secretKey),
    secretKey,
    mbsync,
    log,
  };
  const figures: Figure[] = [];
  const groupDurations: Record<string, number> = {};
  const failures: Record<string, string> = {};
  try {
    for (const group of GROUPS) {
      if (env.only && !env.only.includes(group.name)) continue;
      log(`── ${group.name}`);
      const groupClock = performance.now();
      try {
        figures.push(...(await group.run(ctx)));
      } catch (error) {
        const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
        log(`${group.name} failed: ${text}`);
        failures[group.name] = text.split('\n')[0] ?? text;
        for (const t of group.targets) {
          figures.push({ ...t, value: Number.NaN, note: `group failed: ${failures[group.name]}` });
        }
      }
      groupDurations[group.name] = since(groupClock) / 1000;
    }
  } finally {
    await postgres.stop();
  }
  const command = `npm run bench${env.quick ? ' -- --quick' : ''}${env.only ? ` -- --groups=${env.only.join(',')}` : ''}`;
  writeResults(BENCH_DIR, figures, {
    command,
    quick: env.quick,
    partial: env.only !== null,
    startedAt,
    durationS: since(clock) / 1000,
    groupDurations,
    failures,
    database: postgres.description,
  });
  for (const f of figures)
    log(
      `${f.name} = ${f.value} ${f.unit}${f.target === null ? '' : ` (target ${f.direction === 'max' ? '≤' : '≥'} ${f.target})`}`,
    );
  log(`wrote ${path.join(BENCH_DIR, 'RESULTS.md')} and results.json`);
  process.exit(Object.keys(failures).length > 0 ? 1 : 0);
}

await main();
