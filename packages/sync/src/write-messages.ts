import crypto from 'node:crypto';
import { sql, toSearchDocument } from '@youjian/db';
import type { MailAddress, MessageSummary } from '@youjian/mail';
import { rowsOf, type Tx } from './db-types';
import { normalizeFlags } from './folder-diff';
import { assignThreads, linkedIds, normalizeSubject } from './threading';

const addressText = (a: MailAddress | null) => (a ? `${a.name} ${a.address}` : '');

/** The text indexed for search: subject, sender, recipients and (once known) the snippet. */
export function searchTextOf(
  summary: Pick<MessageSummary, 'subject' | 'from' | 'to'>,
  snippet = '',
): string {
  return [summary.subject, addressText(summary.from), ...summary.to.map(addressText), snippet].join(
    ' ',
  );
}

const hasFlag = (flags: string[], flag: string) =>
  flags.some((f) => f.toLowerCase() === flag.toLowerCase());

/**
 * Writes one batch of message summaries of a folder: threads are assigned for the new
 * messages, then ONE `INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE` writes them
 * all (about 3× faster than ORM batches; a fixed 18 bind parameters whatever the batch
 * size, far under Postgres' 65,535). Known messages only get their flags refreshed.
 */
export async function writeMessageBatch(
  tx: Tx,
  target: { accountId: string; mailboxId: string },
  batch: readonly MessageSummary[],
): Promise<number> {
  const summaries = dedupeByUid(batch);
  if (summaries.length === 0) return 0;
  const { accountId, mailboxId } = target;
  const existing = new Set(
    rowsOf<{ uid: string | number }>(
      await tx.execute(sql`select uid from message
        where account_id = ${accountId} and mailbox_id = ${mailboxId}
          and uid = any(${sql.param(summaries.map((s) => s.uid))}::bigint[])`),
    ).map((row) => Number(row.uid)),
  );
  const fresh = summaries.filter((s) => !existing.has(s.uid));
  const threadIds = await threadFreshMessages(tx, accountId, fresh);

  const column = <T>(pick: (s: MessageSummary, i: number) => T) => sql.param(summaries.map(pick));
  const threadOf = (s: MessageSummary) => threadIds.get(s.uid) ?? null;
  await tx.execute(sql`
    insert into message (account_id, mailbox_id, uid, message_id, in_reply_to, "references",
      thread_id, subject, "from", "to", cc, sent_at, received_at, size, flags, seen, flagged,
      has_attachments, snippet, search_document)
    select ${accountId}::uuid, ${mailboxId}::uuid, m.uid, m.message_id, m.in_reply_to,
      array(select jsonb_array_elements_text(m.refs)), m.thread_id, m.subject, m.sender,
      m.recipients, m.cc, m.sent_at, m.received_at, m.size,
      array(select jsonb_array_elements_text(m.flags)), m.seen, m.flagged, m.has_attachments,
      m.snippet, to_tsvector('simple', m.search_text)
    from unnest(
      ${column((s) => s.uid)}::bigint[], ${column((s) => s.messageId)}::text[],
      ${column((s) => s.inReplyTo)}::text[], ${column((s) => JSON.stringify(s.references))}::jsonb[],
      ${column(threadOf)}::uuid[], ${column((s) => s.subject)}::text[],
      ${column((s) => JSON.stringify(s.from))}::jsonb[], ${column((s) => JSON.stringify(s.to))}::jsonb[],
      ${column((s) => JSON.stringify(s.cc))}::jsonb[], ${column((s) => s.sentAt?.toISOString() ?? null)}::timestamptz[],
      ${column((s) => s.receivedAt.toISOString())}::timestamptz[], ${column((s) => s.size)}::int[],
      ${column((s) => JSON.stringify(normalizeFlags(s.flags)))}::jsonb[],
      ${column((s) => hasFlag(s.flags, '\\Seen'))}::boolean[],
      ${column((s) => hasFlag(s.flags, '\\Flagged'))}::boolean[],
      ${column((s) => s.hasAttachments)}::boolean[],
      ${column((s) => s.snippet ?? '')}::text[],
      ${column((s) => toSearchDocument(searchTextOf(s, s.snippet)))}::text[]
    ) as m(uid, message_id, in_reply_to, refs, thread_id, subject, sender, recipients, cc,
      sent_at, received_at, size, flags, seen, flagged, has_attachments, snippet, search_text)
    on conflict (account_id, mailbox_id, uid) do update set
      flags = excluded.flags, seen = excluded.seen, flagged = excluded.flagged,
      thread_id = coalesce(message.thread_id, excluded.thread_id), updated_at = now()`);
  return summaries.length;
}

function dedupeByUid(batch: readonly MessageSummary[]): MessageSummary[] {
  // ON CONFLICT DO UPDATE may not touch one row twice in a statement
  return [...new Map(batch.map((s) => [s.uid, s])).values()];
}

/** Looks up the threads the batch links to, assigns threads, inserts the new ones. */
async function threadFreshMessages(
  tx: Tx,
  accountId: string,
  fresh: readonly MessageSummary[],
): Promise<Map<number, string>> {
  if (fresh.length === 0) return new Map();
  const linked = [...new Set(fresh.flatMap((s) => linkedIds(s)))];
  const own = fresh.map((s) => s.messageId).filter((id): id is string => id !== null);
  const subjects = [...new Set(fresh.map((s) => normalizeSubject(s.subject)).filter(Boolean))];

  const byMessageId = new Map<string, string>();
  for (const row of rowsOf<{ message_id: string; thread_id: string }>(
    await tx.execute(sql`select distinct on (message_id) message_id, thread_id from message
      where account_id = ${accountId} and thread_id is not null
        and message_id = any(${sql.param([...linked, ...own])}::text[])`),
  )) {
    byMessageId.set(row.message_id, row.thread_id);
  }
  const byReferencedId = new Map<string, string>();
  if (own.length > 0) {
    for (const row of rowsOf<{ ref: string; thread_id: string }>(
      await tx.execute(sql`select distinct on (ref) ref, thread_id
        from message, unnest("references" || in_reply_to) as ref
        where account_id = ${accountId} and thread_id is not null
          and ("references" && ${sql.param(own)}::text[] or in_reply_to = any(${sql.param(own)}::text[]))
          and ref = any(${sql.param(own)}::text[])`),
    )) {
      byReferencedId.set(row.ref, row.thread_id);
    }
  }
  const bySubject = new Map<string, string>();
  for (const row of rowsOf<{ subject_key: string; id: string }>(
    await tx.execute(sql`select distinct on (subject_key) subject_key, id from thread
      where account_id = ${accountId} and subject_key = any(${sql.param(subjects)}::text[])
      order by subject_key, last_date desc nulls last`),
  )) {
    bySubject.set(row.subject_key, row.id);
  }

  const assignment = assignThreads(
    fresh.map((s) => ({ ...s, date: s.receivedAt })),
    { byMessageId, byReferencedId, bySubject },
    () => crypto.randomUUID(),
  );
  const created = assignment.newThreads;
  if (created.length > 0) {
    await tx.execute(sql`insert into thread (account_id, id, subject_key, last_date)
      select ${accountId}::uuid, t.id, t.subject_key, t.last_date
      from unnest(${sql.param(created.map((t) => t.id))}::uuid[],
        ${sql.param(created.map((t) => t.subjectKey))}::text[],
        ${sql.param(created.map((t) => t.lastDate.toISOString()))}::timestamptz[])
        as t(id, subject_key, last_date)`);
  }
  const joined = new Map<string, Date>();
  const result = new Map<number, string>();
  fresh.forEach((s, i) => {
    const threadId = assignment.threadIds[i];
    if (!threadId) return;
    result.set(s.uid, threadId);
    const last = joined.get(threadId);
    if (!last || last < s.receivedAt) joined.set(threadId, s.receivedAt);
  });
  await tx.execute(sql`update thread set last_date = greatest(thread.last_date, j.last_date)
    from unnest(${sql.param([...joined.keys()])}::uuid[],
      ${sql.param([...joined.values()].map((d) => d.toISOString()))}::timestamptz[]) as j(id, last_date)
    where thread.account_id = ${accountId} and thread.id = j.id`);
  return result;
}
