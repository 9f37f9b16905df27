/**
 * Group `search`: one user with 100,000 messages in 3 mailboxes, in a database that also
 * holds 2,100,000 messages of 100 other users; 200 searches through messages.list (parser,
 * scope, SQL, recent searches — what the web app calls), warm cache. The same body words
 * are asked of Dovecot as IMAP SEARCH TEXT over the same messages written to Maildir.
 */
import { createCaller, createMailEventHub } from '@youjian/api';
import { type Database, searchDocumentOf, searchTokens, sql } from '@youjian/db';
import { parseMessage } from '@youjian/mail';
import { connectImap, createMailUser, MAILSTACK, type MailUser } from '@youjian/mailstack';
import { generateMessage, writeMaildir } from '@youjian/mailstack/seed';
import type { ImapFlow } from 'imapflow';
import { untilLoginWorks } from '../accounts';
import type { BenchContext } from '../context';
import type { Figure } from '../report';
import { median, percentile, round } from '../stats';
import { queryMix } from './queries';
import { type BulkMessage, insertAccount, insertMessages, openSearchDatabase } from './tenants';

export const SEARCHER = 'bench-searcher';
const MAILBOX_SIZES = [33_334, 33_333, 33_333];
const DOMAINS = ['qq.test', '163.test', 'qq.test'] as const;

interface Vocabulary {
  zh: Map<string, number>;
  en: Map<string, number>;
  senders: Map<string, number>;
  subjects: Map<string, number>;
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
const ranked = (map: Map<string, number>, min: number) =>
  [...map]
    .filter(([, n]) => n >= min)
    .sort((a, b) => b[1] - a[1])
    .map(([w]) => w);

/** Every VOCABULARY_SAMPLE-th message's words count towards the query mix. */
const VOCABULARY_SAMPLE = 20;

const emptyVocabulary = (): Vocabulary => ({
  zh: new Map(),
  en: new Map(),
  senders: new Map(),
  subjects: new Map(),
});

function noteWords(vocabulary: Vocabulary, body: string, sender: string, subject: string) {
  for (const w of new Set(searchTokens(body)))
    bump(
      /^[a-z]{4,}$/.test(w)
        ? vocabulary.en
        : /^\p{Script=Han}{2}$/u.test(w)
          ? vocabulary.zh
          : new Map(),
      w,
    );
  bump(vocabulary.senders, sender.toLowerCase());
  for (const w of searchTokens(subject)) bump(vocabulary.subjects, w);
}

/** The words of the query mix, as seedSearcher notes them, without writing anything. */
export async function searcherVocabulary() {
  const vocabulary = emptyVocabulary();
  for (const [k, count] of MAILBOX_SIZES.entries()) {
    for (let i = 0; i < count; i += VOCABULARY_SAMPLE) {
      const seeded = generateMessage(i, { seed: 100 + k, to: 'searcher@qq.test', count });
      const parsed = await parseMessage(seeded.raw);
      const body = (parsed.text ?? '').slice(0, 20_000);
      noteWords(vocabulary, body, parsed.from?.address ?? '', parsed.subject);
    }
  }
  return mixInput(vocabulary);
}

const mixInput = (vocabulary: Vocabulary) => ({
  chineseWords: ranked(vocabulary.zh, 2),
  englishWords: ranked(vocabulary.en, 2),
  senders: ranked(vocabulary.senders, 1),
  subjectWords: ranked(vocabulary.subjects, 2),
});

/** The searcher's mailboxes: Dovecot Maildirs and the same messages in the mirror. */
async function seedSearcher(db: Database, log: (line: string) => void) {
  await db.execute(sql`delete from "user" where id = ${SEARCHER}`);
  await db.execute(
    sql`insert into "user" (id, name, email) values (${SEARCHER}, ${SEARCHER}, 'searcher@example.test')`,
  );
  const vocabulary = emptyVocabulary();
  const users: MailUser[] = [];
  for (const [k, count] of MAILBOX_SIZES.entries()) {
    const mailUser = await createMailUser(DOMAINS[k] ?? 'qq.test');
    await untilLoginWorks(mailUser);
    users.push(mailUser);
    await writeMaildir(mailUser.address, 'INBOX', count, { seed: 100 + k });
    const target = await insertAccount(db, SEARCHER, mailUser.address);
    let batch: BulkMessage[] = [];
    for (let i = 0; i < count; i++) {
      const seeded = generateMessage(i, { seed: 100 + k, to: mailUser.address, count });
      const parsed = await parseMessage(seeded.raw);
      const body = (parsed.text ?? '').slice(0, 20_000);
      const from = parsed.from ?? { name: '', address: '' };
      if (i % VOCABULARY_SAMPLE === 0) noteWords(vocabulary, body, from.address, parsed.subject);
      batch.push({
        ...target,
        mailboxId: target.inboxId,
        uid: i + 1,
        subject: parsed.subject,
        from,
        to: parsed.to,
        receivedAt: seeded.date,
        seen: seeded.flags.includes('\\Seen'),
        flagged: seeded.flags.includes('\\Flagged'),
        hasAttachments: parsed.attachments.some((a) => a.disposition !== 'inline'),
        snippet: body.slice(0, 160),
        searchDocument: searchDocumentOf({
          subject: parsed.subject,
          from: parsed.from,
          to: parsed.to,
          cc: parsed.cc,
          body,
          attachmentNames: parsed.attachments.map((a) => a.filename),
        }),
      });
      if (batch.length === 2_000) {
        await insertMessages(db, batch);
        batch = [];
      }
    }
    await insertMessages(db, batch);
    log(`search: ${mailUser.address} holds ${count} messages (Maildir and mirror)`);
  }
  await db.execute(sql`analyze message`);
  return { users, vocabulary };
}

/** IMAP SEARCH TEXT for one word in every mailbox at once, as a client would; ms. */
async function imapSearch(sessions: ImapFlow[], word: string): Promise<number> {
  const started = performance.now();
  await Promise.all(sessions.map((s) => s.search({ body: word }, { uid: true })));
  return performance.now() - started;
}

export async function runSearchBenchmark(ctx: BenchContext): Promise<Figure[]> {
  const database = await openSearchDatabase(ctx.postgresUrl, ctx.log);
  const { db } = database;
  const events = createMailEventHub(db);
  const sessions: ImapFlow[] = [];
  try {
    const { users, vocabulary } = await seedSearcher(db, ctx.log);
    const mix = queryMix(mixInput(vocabulary));
    const caller = createCaller({ db, secretBox: ctx.secretBox, events, userId: SEARCHER });
    const run = async (query: string) => {
      const started = performance.now();
      const page = await caller.messages.list({ query, limit: 50, timeZone: 'Asia/Shanghai' });
      return { ms: performance.now() - started, hits: page.items.length };
    };
    for (const query of mix.all) await run(query); // warm-up pass
    const timings: Array<{ query: string; ms: number; hits: number }> = [];
    for (const query of mix.all) timings.push({ query, ...(await run(query)) });
    const all = timings.map((t) => t.ms);
    const slowest = [...timings].sort((a, b) => b.ms - a.ms)[0];
    ctx.log(`search: slowest ${slowest?.query} ${round(slowest?.ms ?? 0)} ms`);
    if (slowest) ctx.log(await explainSlowest(db, caller, slowest.query));

    for (const user of users) {
      const session = await connectImap(user, MAILSTACK.ports.imaps);
      await session.mailboxOpen('INBOX', { readOnly: true });
      sessions.push(session);
    }
    const words = [...new Set(mix.bodyWords)];
    await imapSearch(sessions, words[0] ?? 'x'); // Dovecot's caches warm too
    const imapMs: number[] = [];
    for (const word of words) imapMs.push(await imapSearch(sessions, word));
    const productWordMs = words.map((w) =>
      median(timings.filter((t) => t.query === w).map((t) => t.ms)),
    );
    const generated =
      database.generatedMs === null
        ? 'reused'
        : `generated in ${round(database.generatedMs / 1000, 0)} s`;
    const note = `200 searches via messages.list, warm; user with 100,000 messages in 3 mailboxes among 2,100,000 of 100 other users (${generated})`;
    return [
      {
        name: 'search.p95_ms',
        value: round(percentile(all, 95)),
        unit: 'ms',
        target: 100,
        direction: 'max',
        note,
      },
      { name: 'search.p50_ms', value: round(median(all)), unit: 'ms', target: null, note },
      {
        name: 'search.vs_imap_search',
        value: round(median(imapMs) / median(productWordMs), 1),
        unit: 'ratio',
        target: null,
        note: `median IMAP SEARCH BODY on Dovecot (3 INBOXes in parallel, ${round(median(imapMs))} ms) ÷ median Youjian search of the same ${words.length} body words (${round(median(productWordMs))} ms)`,
      },
    ];
  } finally {
    for (const s of sessions) await s.logout().catch(() => {});
    await events.close();
    await database.close();
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of the page statement the slowest search ran. */
export async function explainSlowest(
  db: Database,
  caller: ReturnType<typeof createCaller>,
  query: string,
): Promise<string> {
  const pool = (db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
  const original = pool.query.bind(pool);
  const seen: Array<{ text: string; values: unknown[] }> = [];
  pool.query = (...args: unknown[]) => {
    // drizzle passes the values beside the query config, not inside it
    const first = args[0] as { text?: string; values?: unknown[] } | string;
    const second = Array.isArray(args[1]) ? (args[1] as unknown[]) : undefined;
    if (typeof first === 'object' && first.text)
      seen.push({ text: first.text, values: first.values ?? second ?? [] });
    else if (typeof first === 'string') seen.push({ text: first, values: second ?? [] });
    return original(...args);
  };
  try {
    await caller.messages.list({ query, limit: 50, timeZone: 'Asia/Shanghai' });
  } finally {
    pool.query = original;
  }
  const page = seen.find((s) => s.text.includes('from message m'));
  if (!page) return 'search: no page statement seen';
  const plan = (await original({
    text: `explain (analyze, buffers) ${page.text}`,
    values: page.values,
  })) as {
    rows: Array<Record<string, string>>;
  };
  return `search: EXPLAIN ANALYZE of "${query}"\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`;
}
