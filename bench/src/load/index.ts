/**
 * Load (issue 13 item 9): 50 people at once browsing, opening and searching through the
 * API of a production build for 60 s. Each person is a signed-up, confirmed user with
 * 2,000 messages in three mailboxes (bulk SQL, the newest 200 bodies cached), who acts,
 * thinks 0–1 s (uniform; a person reads at least that long), and acts again: half the
 * actions load the next page of All inboxes (back to the first after 200 rows), three in
 * ten open a listed message, two in ten search. Figures: p95 and p50 of every request,
 * p95 per action, requests per second, and errors (a non-2xx answer or a failed request).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { providerEnv } from '@youjian/mailstack';
import { startProduct } from '@youjian/tooling/product';
import type { BenchContext } from '../context';
import { createBenchDatabase } from '../database';
import { exportToProcess } from '../env';
import type { Figure } from '../report';
import { percentile, seededRandom } from '../stats';
import { drivePerson, type Sample } from './drive';
import { createLoadUser, type LoadUser } from './users';

const PORT = 3230;
export const LOAD_USERS = 50;
const DURATION_MS = 60_000;
const WARM_UP_MS = 5_000;
const MAIL = { messages: 2_000, cachedBodies: 200 };
const THINK_MAX_MS = 1_000;

export async function runLoadBenchmark(ctx: BenchContext): Promise<Figure[]> {
  const { log } = ctx;
  const bench = await createBenchDatabase(ctx.postgresUrl);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'youjian-bench-load-'));
  exportToProcess({ DATABASE_URL: bench.url, YOUJIAN_DATA_DIR: dataDir });
  // the simulated people come "through" a proxy on loopback, each from its own address
  const product = await startProduct({
    port: PORT,
    env: { ...providerEnv(), YOUJIAN_TRUSTED_PROXIES: '127.0.0.1,::1' },
    log,
  });
  try {
    const run = Date.now().toString(36);
    const users: LoadUser[] = [];
    const setupClock = performance.now();
    for (let start = 0; start < LOAD_USERS; start += 10) {
      const batch = Array.from({ length: Math.min(10, LOAD_USERS - start) }, (_, i) =>
        createLoadUser(bench.db, product.url, start + i, run, MAIL),
      );
      users.push(...(await Promise.all(batch)));
    }
    log(
      `load: ${users.length} users signed up, confirmed and seeded in ${Math.round(performance.now() - setupClock)} ms`,
    );

    const drive = async (durationMs: number, samples: Sample[]) => {
      const deadline = performance.now() + durationMs;
      await Promise.all(
        users.map((user, index) => {
          const random = seededRandom(index + 1);
          return drivePerson(
            product.url,
            user,
            deadline,
            () => random() * THINK_MAX_MS,
            random,
            samples,
          );
        }),
      );
    };
    await drive(WARM_UP_MS, []);
    const samples: Sample[] = [];
    const clock = performance.now();
    await drive(DURATION_MS, samples);
    const elapsed = performance.now() - clock;

    const all = samples.map((sample) => sample.ms);
    const errors = samples.filter((sample) => !sample.ok);
    const p95Of = (action: Sample['action']) =>
      Math.round(
        percentile(
          samples.filter((s) => s.action === action).map((s) => s.ms),
          95,
        ),
      );
    const countOf = (action: Sample['action']) => samples.filter((s) => s.action === action).length;
    if (errors.length > 0) log(`load: first error ${JSON.stringify(errors[0])}`);
    const note = `${LOAD_USERS} users × ${DURATION_MS / 1000} s after ${WARM_UP_MS / 1000} s warm-up, think 0–${THINK_MAX_MS} ms; ${samples.length} requests (browse ${countOf('browse')}, open ${countOf('open')}, search ${countOf('search')}); ${MAIL.messages} messages per user in 3 mailboxes; production build`;
    return [
      {
        name: 'load.p95_ms',
        value: Math.round(percentile(all, 95)),
        unit: 'ms',
        target: 100,
        direction: 'max',
        note,
      },
      {
        name: 'load.errors',
        value: errors.length,
        unit: 'requests',
        target: 0,
        direction: 'max',
        note: 'non-2xx answers and failed requests',
      },
      {
        name: 'load.p50_ms',
        value: Math.round(percentile(all, 50)),
        unit: 'ms',
        target: null,
        note: 'all requests',
      },
      {
        name: 'load.browse_p95_ms',
        value: p95Of('browse'),
        unit: 'ms',
        target: null,
        note: 'messages.list, All inboxes, next page',
      },
      {
        name: 'load.open_p95_ms',
        value: p95Of('open'),
        unit: 'ms',
        target: null,
        note: 'messages.get, body cached',
      },
      {
        name: 'load.search_p95_ms',
        value: p95Of('search'),
        unit: 'ms',
        target: null,
        note: 'messages.list with a search',
      },
      {
        name: 'load.requests_per_s',
        value: Math.round(samples.length / (elapsed / 1000)),
        unit: 'req/s',
        target: null,
        note: 'all users together',
      },
    ];
  } finally {
    await product.stop();
    await bench.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
