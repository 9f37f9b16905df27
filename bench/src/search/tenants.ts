/**
 * The multi-tenant database of the search benchmark: 100 other users with 20,000+ messages
 * each (≥ 2,000,000 rows), written by bulk INSERT … SELECT FROM unnest with the product's own
 * search-document function (searchDocumentOf), the message indexes built afterwards, as a
 * restore would. The database is kept under a fixed name and reused while it holds the
 * expected rows: generating it takes minutes, the measurement seconds.
 */
import crypto from 'node:crypto';
import { closeDb, createDb, type Database, searchDocumentOf, sql } from '@youjian/db';
import { migrateDb } from '@youjian/db/migrate';
import pg from 'pg';
import { seededRandom } from '../stats';

export const OTHER_USERS = 100;
export const MESSAGES_PER_OTHER_USER = 21_000;
const DATABASE_NAME = 'youjian_bench_search_v1';
const BATCH = 5_000;
/** distinct generated messages the tenants' mail is drawn from */
const POOL = 20_000;

/** Words of everyday Chinese and English mail, with which the other tenants' mail is made. */
export const ZH_WORDS = [
  '会议',
  '发票',
  '报销',
  '项目',
  '合同',
  '通知',
  '预算',
  '客户',
  '周报',
  '审批',
  '招聘',
  '培训',
  '出差',
  '付款',
  '报告',
  '季度',
  '方案',
  '系统',
  '上线',
  '测试',
];
export const EN_WORDS = [
  'meeting',
  'invoice',
  'report',
  'project',
  'budget',
  'contract',
  'review',
  'schedule',
  'customer',
  'release',
  'update',
  'payment',
  'travel',
  'training',
  'approval',
  'design',
  'quarterly',
  'deadline',
  'launch',
  'summary',
];
const DOMAINS = ['qq.com', '163.com', '126.com', 'foxmail.com', 'gmail.com', 'example.com'];

async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface SearchDatabase {
  db: Database;
  url: string;
  /** whether the other tenants were generated in this run, and how long that took */
  generatedMs: number | null;
  close: () => Promise<void>;
}

/** One row of `message` for bulk insert; the search document is a tsvector literal. */
export interface BulkMessage {
  accountId: string;
  mailboxId: string;
  uid: number;
  subject: string;
  from: { name: string; address: string };
  to: Array<{ name: string; address: string }>;
  receivedAt: Date;
  seen: boolean;
  flagged: boolean;
  hasAttachments: boolean;
  snippet: string;
  searchDocument: string;
}

/** Inserts rows in one statement per call (arrays as parameters: 12 of them, any count). */
export async function insertMessages(
  db: Database,
  rows: readonly BulkMessage[],
  table = 'message',
): Promise<void> {
  const col = <T>(pick: (row: BulkMessage) => T) => sql.param(rows.map(pick));
  await db.execute(sql`insert into ${sql.identifier(table)} (account_id, mailbox_id, uid, subject, "from", "to",
      received_at, seen, flagged, has_attachments, snippet, search_document, body_indexed)
    select a, b, u, s, f::jsonb, t::jsonb, r, se, fl, h, sn, d::tsvector, true
    from unnest(${col((r) => r.accountId)}::uuid[], ${col((r) => r.mailboxId)}::uuid[],
      ${col((r) => r.uid)}::bigint[], ${col((r) => r.subject)}::text[],
      ${col((r) => JSON.stringify(r.from))}::text[], ${col((r) => JSON.stringify(r.to))}::text[],
      ${col((r) => r.receivedAt.toISOString())}::timestamptz[], ${col((r) => r.seen)}::boolean[],
      ${col((r) => r.flagged)}::boolean[], ${col((r) => r.hasAttachments)}::boolean[],
      ${col((r) => r.snippet)}::text[], ${col((r) => r.searchDocument)}::text[])
      as m(a, b, u, s, f, t, r, se, fl, h, sn, d)`);
}

/** A linked mailbox with an INBOX, straight into the mirror; returns their ids. */
export async function insertAccount(
  db: Database,
  userId: string,
  address: string,
): Promise<{ accountId: string; inboxId: string }> {
  const accountId = crypto.randomUUID();
  const inboxId = crypto.randomUUID();
  await db.execute(sql`insert into mail_account (id, user_id, address, provider, username,
      imap_host, imap_port, imap_security, smtp_host, smtp_port, smtp_security, secret_sealed, status)
    values (${accountId}, ${userId}, ${address}, 'custom', ${address}, '127.0.0.1', 1, 'tls',
      '127.0.0.1', 1, 'tls', 'unused', 'ok')`);
  await db.execute(sql`insert into mailbox (account_id, id, path, name, role, uid_validity)
    values (${accountId}, ${inboxId}, 'INBOX', 'INBOX', 'inbox', 1)`);
  return { accountId, inboxId };
}

function otherTenantMessage(
  next: () => number,
  uid: number,
  target: { accountId: string; inboxId: string },
): BulkMessage {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const zh = next() < 0.6;
  const words = Array.from({ length: 40 }, () => (zh ? pick(ZH_WORDS) : pick(EN_WORDS)));
  const subject = words.slice(0, 4).join(zh ? '' : ' ');
  const body = zh ? words.join('，') : words.join(' ');
  const sender = {
    name: zh ? '王芳' : 'Mia Wilson',
    address: `user${Math.floor(next() * 5000)}@${pick(DOMAINS)}`,
  };
  const recipient = { name: '', address: `member${uid % 97}@${pick(DOMAINS)}` };
  const hasAttachments = next() < 0.15;
  return {
    accountId: target.accountId,
    mailboxId: target.inboxId,
    uid,
    subject,
    from: sender,
    to: [recipient],
    receivedAt: new Date(Date.UTC(2022, 0, 1) + Math.floor(next() * 3 * 365 * 86_400_000)),
    seen: next() < 0.8,
    flagged: next() < 0.05,
    hasAttachments,
    snippet: body.slice(0, 120),
    searchDocument: searchDocumentOf({
      subject,
      from: sender,
      to: [recipient],
      cc: [],
      body,
      attachmentNames: hasAttachments ? [`${pick(ZH_WORDS)}.pdf`] : [],
    }),
  };
}

const SECONDARY_INDEXES = [
  'message_account_mailbox_received_idx',
  'message_account_received_idx',
  'message_account_flagged_idx',
  'message_account_unread_idx',
  'message_account_search_idx',
  'message_account_message_id_idx',
  'message_body_pending_idx',
];

/**
 * Opens the benchmark's database, generating the other tenants first when it does not hold
 * them yet (OTHER_USERS × MESSAGES_PER_OTHER_USER rows, marked complete in a table of its own).
 */
export async function openSearchDatabase(
  serverUrl: string,
  log: (line: string) => void,
): Promise<SearchDatabase> {
  const url = new URL(serverUrl);
  url.pathname = `/${DATABASE_NAME}`;
  const probe = new pg.Client({ connectionString: serverUrl });
  await probe.connect();
  const exists =
    (await probe.query('select 1 from pg_database where datname = $1', [DATABASE_NAME]))
      .rowCount === 1;
  await probe.end();
  if (exists) {
    const db = createDb(url.toString());
    const done = await db
      .execute(sql`select rows from bench_tenants_done`)
      .then((r) => Number(r.rows[0]?.rows ?? 0))
      .catch(() => 0);
    if (done === OTHER_USERS * MESSAGES_PER_OTHER_USER) {
      await migrateDb(db);
      log(`search: reusing ${DATABASE_NAME} (${done} messages of other tenants)`);
      return { db, url: url.toString(), generatedMs: null, close: () => closeDb(db) };
    }
    await closeDb(db);
    await admin(serverUrl, `drop database ${DATABASE_NAME} with (force)`);
  }
  const started = performance.now();
  await admin(serverUrl, `create database ${DATABASE_NAME}`);
  const db = createDb(url.toString());
  await migrateDb(db);
  // bulk load first, indexes after: one sort per index instead of 2M random inserts
  for (const name of SECONDARY_INDEXES) await db.execute(sql.raw(`drop index ${name}`));
  // A pool of distinct messages made by the product's search-document function, then
  // 2,100,000 rows drawn from it in SQL: COPY-like speed, the product's documents.
  // seeded, so every run builds the same tenants
  const next = seededRandom(20_240_601);
  const pool = { accountId: crypto.randomUUID(), inboxId: crypto.randomUUID() };
  await db.execute(sql`create table bench_pool (like message including defaults)`);
  for (let from = 0; from < POOL; from += BATCH) {
    const rows = Array.from({ length: BATCH }, (_, i) =>
      otherTenantMessage(next, from + i + 1, pool),
    );
    await insertMessages(db, rows, 'bench_pool');
  }
  await db.execute(sql`insert into "user" (id, name, email)
    select 'bench-tenant-' || u, 'bench-tenant-' || u, 'bench-tenant-' || u || '@example.test'
    from generate_series(0, ${OTHER_USERS - 1}) as u`);
  await db.execute(sql`insert into mail_account (id, user_id, address, provider, username,
      imap_host, imap_port, imap_security, smtp_host, smtp_port, smtp_security, secret_sealed, status)
    select gen_random_uuid(), 'bench-tenant-' || u, 'tenant' || u || '@example.com', 'custom',
      'tenant' || u, '127.0.0.1', 1, 'tls', '127.0.0.1', 1, 'tls', 'unused', 'ok'
    from generate_series(0, ${OTHER_USERS - 1}) as u`);
  await db.execute(sql`insert into mailbox (account_id, id, path, name, role, uid_validity)
    select id, gen_random_uuid(), 'INBOX', 'INBOX', 'inbox', 1 from mail_account`);
  const tenants = (await db.execute(sql`select account_id, id from mailbox`)).rows;
  for (const [t, tenant] of tenants.entries()) {
    await db.execute(sql`insert into message (account_id, mailbox_id, uid, subject, "from", "to",
        received_at, seen, flagged, has_attachments, snippet, search_document, body_indexed)
      select ${tenant.account_id}::uuid, ${tenant.id}::uuid, n, p.subject, p."from", p."to",
        timestamptz '2022-01-01' + ((n * 7919 + ${t} * 104729) % 94608000) * interval '1 second',
        p.seen, p.flagged, p.has_attachments, p.snippet, p.search_document, true
      from generate_series(1, ${MESSAGES_PER_OTHER_USER}) as n
      join bench_pool p on p.uid = 1 + (n * 31 + ${t} * 977) % ${POOL}`);
    if (t % 10 === 9) log(`search: ${(t + 1) * MESSAGES_PER_OTHER_USER} tenant messages written`);
  }
  await db.execute(sql`drop table bench_pool`);
  log('search: building the message indexes');
  await migrateIndexesAgain(db);
  await db.execute(
    sql`create table bench_tenants_done as select ${OTHER_USERS * MESSAGES_PER_OTHER_USER}::int as rows`,
  );
  await db.execute(sql`vacuum analyze message`);
  return {
    db,
    url: url.toString(),
    generatedMs: performance.now() - started,
    close: () => closeDb(db),
  };
}

/** The indexes dropped for the load, as the migrations declare them. */
async function migrateIndexesAgain(db: Database): Promise<void> {
  await db.execute(sql`set maintenance_work_mem = '512MB'`);
  await db.execute(
    sql.raw(`
    create index message_account_mailbox_received_idx on message using btree (account_id, mailbox_id, received_at desc nulls first, id desc nulls first);
    create index message_account_received_idx on message using btree (account_id, received_at desc nulls first, id desc nulls first);
    create index message_account_flagged_idx on message using btree (account_id, received_at desc nulls first, id desc nulls first) where flagged;
    create index message_account_unread_idx on message using btree (account_id, received_at desc nulls first, id desc nulls first) where not seen;
    create index message_account_search_idx on message using gin (account_id, search_document);
    create index message_account_message_id_idx on message using btree (account_id, message_id);
    create index message_body_pending_idx on message using btree (account_id, mailbox_id, uid desc nulls last) where not body_indexed;`),
  );
}
