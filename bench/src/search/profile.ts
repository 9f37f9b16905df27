/**
 * `npx tsx bench/src/search/profile.ts [query…]`: the search group's 200 queries, each timed,
 * against the kept benchmark database (youjian_bench_search_v1, after one `npm run bench --
 * --groups=search` has seeded it), slowest first, with EXPLAIN (ANALYZE, BUFFERS) of the
 * slowest — or of the queries given as arguments. For working on search plans: no Maildir,
 * no IMAP, no RESULTS.md; the figures of record come from `npm run bench`.
 */
import { createCaller, createMailEventHub } from '@youjian/api';
import { closeDb, createDb, createSecretBox } from '@youjian/db';
import { median, percentile, round } from '../stats';
import { explainSlowest, SEARCHER, searcherVocabulary } from './index';
import { queryMix } from './queries';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const target = new URL(url);
target.pathname = '/youjian_bench_search_v1';
const db = createDb(target.toString());
const events = createMailEventHub(db);
const secretBox = createSecretBox(Buffer.alloc(32, 7));
const caller = createCaller({ db, secretBox, events, userId: SEARCHER });
try {
  const given = process.argv.slice(2);
  const mix = given.length > 0 ? { all: given } : queryMix(await searcherVocabulary());
  const run = async (query: string) => {
    const started = performance.now();
    const page = await caller.messages.list({ query, limit: 50, timeZone: 'Asia/Shanghai' });
    return { query, ms: performance.now() - started, hits: page.items.length };
  };
  for (const query of mix.all) await run(query);
  const timings = [];
  for (const query of mix.all) timings.push(await run(query));
  const all = timings.map((t) => t.ms);
  console.log(`p50 ${round(median(all))} ms, p95 ${round(percentile(all, 95))} ms`);
  for (const t of [...timings].sort((a, b) => b.ms - a.ms).slice(0, 25)) {
    console.log(`${round(t.ms)} ms\t${t.hits}\t${t.query}`);
  }
  const slowest = given.length > 0 ? given : [[...timings].sort((a, b) => b.ms - a.ms)[0]?.query];
  for (const query of slowest) if (query) console.log(await explainSlowest(db, caller, query));
} finally {
  await events.close();
  await closeDb(db);
}
