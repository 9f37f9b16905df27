import { searchDocumentOf, sql } from '@youjian/db';
import type { MessageSummary } from '@youjian/mail';
import { rowsOf, type Tx } from './db-types';
import { normalizeFlags } from './folder-diff';
import { mergeThreadsStatement } from './merge-threads';
import type { SubjectCandidate } from './subject-thread';
import { planThreads, type ThreadPlan, threadLookupKeys } from './thread-batch';
import { isReplySubject, type KnownThreads, MAX_THREAD_PARTICIPANTS } from './threading';

/** Conversations per reply subject the subject fallback chooses among (newest first). */
const SUBJECT_CANDIDATES = 8;

const hasFlag = (flags: string[], flag: string) =>
  flags.some((f) => f.toLowerCase() === flag.toLowerCase());

export interface WriteOptions {
  /**
   * Write search documents now. The bulk windows of a first sync leave them to the body
   * index (body-index.ts), which writes each message's document once, headers and body
   * together, seconds later: a GIN entry set per message instead of two, and headers
   * stream in at the server's pace.
   */
  searchDocuments?: boolean;
}

/**
 * Writes one batch of message summaries of a folder in two statements, whatever its size:
 * one lookup (which UIDs the mirror has, which Message-IDs and reply subjects the
 * account's threads know, with those threads' participants, and the account's address),
 * then ONE statement that records new threads and links and
 * `INSERT … SELECT FROM json_to_recordset(…) ON CONFLICT DO UPDATE`s the messages. Round
 * trips, not rows, are what a first sync waits on. Known messages only get their flags
 * refreshed.
 */
export async function writeMessageBatch(
  tx: Tx,
  target: { accountId: string; mailboxId: string },
  batch: readonly MessageSummary[],
  { searchDocuments = true }: WriteOptions = {},
): Promise<number> {
  const summaries = dedupeByUid(batch);
  if (summaries.length === 0) return 0;
  const known = await lookUp(tx, target, summaries);
  const fresh = summaries.filter((s) => !known.existingUids.has(s.uid));
  const plan = planThreads(fresh, known, known.ownAddresses);
  // rare: a message that links two conversations; they become one before it is written
  if (plan.merged.size > 0) await tx.execute(mergeThreadsStatement(target.accountId, plan.merged));
  await tx.execute(writeStatement(target, summaries, plan, searchDocuments));
  return summaries.length;
}

function dedupeByUid(batch: readonly MessageSummary[]): MessageSummary[] {
  // ON CONFLICT DO UPDATE may not touch one row twice in a statement
  return [...new Map(batch.map((s) => [s.uid, s])).values()];
}

async function lookUp(
  tx: Tx,
  { accountId, mailboxId }: { accountId: string; mailboxId: string },
  summaries: readonly MessageSummary[],
): Promise<KnownThreads & { existingUids: Set<number>; ownAddresses: Set<string> }> {
  const { ids, replySubjects, originalSubjects } = threadLookupKeys(summaries);
  const rows = rowsOf<{
    kind: number;
    key: string;
    thread_id: string | null;
    last_date: string | Date | null;
    participants: string[] | null;
    origin_subject: string | null;
    origin_at: string | Date | null;
  }>(
    await tx.execute(sql`
      select 1 as kind, uid::text as key, null::uuid as thread_id,
          null::timestamptz as last_date, null::text[] as participants,
          null::text as origin_subject, null::timestamptz as origin_at from message
        where account_id = ${accountId} and mailbox_id = ${mailboxId}
          and uid = any(${sql.param(summaries.map((s) => s.uid))}::bigint[])
      union all
      select 2, message_id, thread_id, null, null, null, null from thread_link
        where account_id = ${accountId} and message_id = any(${sql.param(ids)}::text[])
      union all
      select 3, s.subject_key, t.id, t.last_date, t.participants, o.subject, o.received_at
        from unnest(${sql.param(replySubjects)}::text[]) as s(subject_key)
        cross join lateral (select id, last_date, participants from thread
          where account_id = ${accountId} and subject_key = s.subject_key
          order by last_date desc nulls last limit ${SUBJECT_CANDIDATES}) as t
        left join lateral (${earliestMessage(accountId)}) as o on true
      union all
      select 3, s.subject_key, t.id, t.last_date, t.participants, o.subject, o.received_at
        from unnest(${sql.param([...originalSubjects.keys()])}::text[],
          ${sql.param([...originalSubjects.values()].map((d) => d.toISOString()))}::timestamptz[])
          as s(subject_key, since)
        cross join lateral (select id, last_date, participants from thread
          where account_id = ${accountId} and subject_key = s.subject_key
            and last_date >= s.since
          order by last_date desc nulls last limit ${SUBJECT_CANDIDATES}) as t
        cross join lateral (${earliestMessage(accountId)}) as o
      union all
      select 4, lower(address), null, null, null, null, null
        from mail_account where id = ${accountId}`),
  );
  const existingUids = new Set<number>();
  const byLinkedId = new Map<string, string>();
  const bySubject = new Map<string, SubjectCandidate[]>();
  const ownAddresses = new Set<string>();
  for (const row of rows) {
    const { kind, key, thread_id } = row;
    if (kind === 1) existingUids.add(Number(key));
    else if (kind === 2 && thread_id) byLinkedId.set(key, thread_id);
    else if (kind === 3 && thread_id) {
      const list = bySubject.get(key) ?? [];
      if (!list.some((c) => c.threadId === thread_id)) list.push(subjectCandidate(row));
      bySubject.set(key, list);
    } else if (kind === 4) ownAddresses.add(key);
  }
  return { existingUids, byLinkedId, bySubject, ownAddresses };
}

/**
 * The earliest message of thread `t` (its origin): the message index read backwards,
 * one probe per candidate conversation.
 */
const earliestMessage = (accountId: string) => sql`select subject, received_at from message
  where account_id = ${accountId} and thread_id = t.id
  order by received_at asc nulls last, id asc nulls last limit 1`;

function subjectCandidate(row: {
  thread_id: string | null;
  last_date: string | Date | null;
  participants: string[] | null;
  origin_subject: string | null;
  origin_at: string | Date | null;
}): SubjectCandidate {
  return {
    threadId: row.thread_id ?? '',
    lastDate: row.last_date ? new Date(row.last_date) : null,
    participants: row.participants ? new Set(row.participants) : null,
    origin: row.origin_at
      ? { at: new Date(row.origin_at), isReply: isReplySubject(row.origin_subject ?? '') }
      : null,
  };
}

/**
 * One message as a row of the batch's JSON document: one JSON.stringify of the whole batch
 * (native code) and one json_to_recordset in Postgres cost less than a bind parameter per
 * column, each serialized element by element.
 */
function messageRow(s: MessageSummary, plan: ThreadPlan, searchDocuments: boolean) {
  return {
    uid: s.uid,
    message_id: s.messageId,
    in_reply_to: s.inReplyTo,
    refs: s.references,
    thread_id: plan.threadOf.get(s.uid) ?? null,
    subject: s.subject,
    sender: s.from,
    recipients: s.to,
    cc: s.cc,
    sent_at: s.sentAt,
    received_at: s.receivedAt,
    size: s.size,
    flags: normalizeFlags(s.flags),
    seen: hasFlag(s.flags, '\\Seen'),
    flagged: hasFlag(s.flags, '\\Flagged'),
    has_attachments: s.hasAttachments,
    attachment_names: s.attachmentNames ?? null,
    text_part: s.textPart,
    snippet: s.snippet ?? '',
    search_text: searchDocuments ? searchDocumentOf({ ...s, body: s.snippet }) : null,
  };
}

function writeStatement(
  { accountId, mailboxId }: { accountId: string; mailboxId: string },
  summaries: readonly MessageSummary[],
  plan: ThreadPlan,
  searchDocuments: boolean,
) {
  const param = <T>(values: T[]) => sql.param(values);
  const { newThreads, newLinks, joined } = plan;
  // data-modifying WITH clauses all run, read or not (PostgreSQL manual, 7.8.4)
  return sql`
    with new_thread as (
      insert into thread (account_id, id, subject_key, last_date, participants)
      select ${accountId}::uuid, t.id, t."subjectKey", t."lastDate", t.participants
      from json_to_recordset(${JSON.stringify(newThreads)}::json)
        as t(id uuid, "subjectKey" text, "lastDate" timestamptz, participants text[])
    ), new_link as (
      insert into thread_link (account_id, message_id, thread_id)
      select ${accountId}::uuid, l.message_id, l.thread_id
      from unnest(${param([...newLinks.keys()])}::text[], ${param([...newLinks.values()])}::uuid[])
        as l(message_id, thread_id)
      on conflict do nothing
    ), joined_thread as (
      update thread set last_date = greatest(thread.last_date, j.last_date),
        participants = array(select distinct p
          from unnest(coalesce(thread.participants, '{}') || j.participants) as p
          limit ${MAX_THREAD_PARTICIPANTS})
      from json_to_recordset(${JSON.stringify(
        [...joined].map(([id, j]) => ({ id, last_date: j.lastDate, participants: j.participants })),
      )}::json) as j(id uuid, last_date timestamptz, participants text[])
      where thread.account_id = ${accountId} and thread.id = j.id
    )
    insert into message (account_id, mailbox_id, uid, message_id, in_reply_to, "references",
      thread_id, subject, "from", "to", cc, sent_at, received_at, size, flags, seen, flagged,
      has_attachments, attachment_names, text_part, snippet, search_document)
    select ${accountId}::uuid, ${mailboxId}::uuid, m.uid, m.message_id, m.in_reply_to, m.refs,
      m.thread_id, m.subject, m.sender, m.recipients, m.cc, m.sent_at, m.received_at, m.size,
      m.flags, m.seen, m.flagged, m.has_attachments, m.attachment_names, m.text_part, m.snippet,
      m.search_text::tsvector
    from json_to_recordset(${JSON.stringify(summaries.map((s) => messageRow(s, plan, searchDocuments)))}::json)
      as m(uid bigint, message_id text, in_reply_to text, refs text[], thread_id uuid,
        subject text, sender jsonb, recipients jsonb, cc jsonb, sent_at timestamptz,
        received_at timestamptz, size int, flags text[], seen boolean, flagged boolean,
        has_attachments boolean, attachment_names text[], text_part jsonb, snippet text,
        search_text text)
    on conflict (account_id, mailbox_id, uid) do update set
      flags = excluded.flags, seen = excluded.seen, flagged = excluded.flagged,
      thread_id = coalesce(message.thread_id, excluded.thread_id), updated_at = now()`;
}
