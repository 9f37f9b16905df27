import type { Database, MailAddress, SQL } from '@youjian/db';
import { sql } from '@youjian/db';
import { decodeCursor, encodeCursor } from '../lib/message-cursor';
import { type MailView, type MessageScope, resolveMessageScope } from '../lib/message-scope';
import { loadUserMailboxes } from '../lib/user-mailboxes';
import { type MessageListItem, type MessageRow, toMessageListItem } from './list-messages';

export interface ListConversationsOptions {
  db: Database;
  userId: string;
  /** a unified view across every linked mailbox; "All inboxes" when nothing else is given */
  view?: MailView;
  accountId?: string;
  mailboxId?: string;
  cursor?: string;
  limit: number;
}

/**
 * One row of the conversation list. The fields of a message row describe the
 * conversation's newest message (its sender, snippet and date); the markers are those of
 * any of its messages; `id` is its newest message in view, the one a click opens.
 */
export interface ConversationListItem extends MessageListItem {
  threadId: string | null;
  /** every message of the conversation, Sent and other folders included (not Trash/Junk) */
  messageCount: number;
  /** the senders, oldest first, each once */
  participants: MailAddress[];
  /** the conversation's messages in the folder or view shown, newest first: what actions apply to */
  messageIds: string[];
}

/** received_at: the newest message's date; anchor_key: the keyset position of the row */
interface ConversationRow extends Omit<MessageRow, 'received_at_key'> {
  anchor_key: string;
  thread_id: string | null;
  message_count: number;
  senders: Array<MailAddress | null>;
  in_view_ids: string[];
}

/**
 * One page of conversations, newest first, from one folder or a unified view: a thread is
 * listed once, where its newest message in view falls, with its count, senders and markers
 * read across the account's folders so the user's own replies in Sent count (Trash and
 * Junk only when they are the folder shown). Threads are the mirror's (threading.ts),
 * hence per mailbox. Keyset-paged on the newest message in view, like messages.list.
 * Throws AppError INVALID_INPUT for a malformed cursor, NOT_FOUND for a folder or mailbox
 * that is not the user's.
 */
export async function listConversations(
  options: ListConversationsOptions,
): Promise<{ items: ConversationListItem[]; nextCursor: string | null }> {
  const { db, userId, cursor, limit } = options;
  const after = cursor ? decodeCursor(cursor) : null;
  const { accounts, folders } = await loadUserMailboxes(db, userId);
  const scope = resolveMessageScope(accounts, folders, {
    view: options.view,
    accountId: options.accountId,
    mailboxId: options.mailboxId,
    searching: false,
  });
  const inView = new Set(scope.sources.flatMap((source) => source.mailboxIds));
  const setAside = folders
    .filter((f) => (f.role === 'trash' || f.role === 'junk') && !inView.has(f.id))
    .map((f) => f.id);
  const keyset = after
    ? sql`(m.received_at, m.id) < (${after.receivedAt}::timestamptz, ${after.id}::uuid)`
    : null;
  const statement = conversationPageQuery(scope, setAside, limit + 1, keyset);
  const rows = statement
    ? ((await db.execute(statement)).rows as unknown as ConversationRow[])
    : [];

  const addressOf = new Map(accounts.map((a) => [a.id, a.address]));
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      ...toMessageListItem(row, addressOf.get(row.account_id) ?? ''),
      threadId: row.thread_id,
      messageCount: row.message_count,
      participants: distinctSenders(row.senders),
      messageIds: row.in_view_ids,
    })),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ receivedAt: last.anchor_key, id: last.id })
        : null,
  };
}

/** Senders in order of first appearance, one entry per address (case-insensitive). */
export function distinctSenders(senders: ReadonlyArray<MailAddress | null>): MailAddress[] {
  const seen = new Map<string, MailAddress>();
  for (const sender of senders) {
    const key = sender?.address.toLowerCase();
    if (sender && key && !seen.has(key)) seen.set(key, sender);
  }
  return [...seen.values()];
}

/**
 * The page as one statement. Anchors first: per folder (or per account for Starred and
 * Unread) the view's index is read newest first and a message is kept only when no newer
 * message of its thread is in view — one probe of (account_id, thread_id, received_at,
 * id) per row read, so a page costs about (page size × messages per thread in view)
 * probes at any depth. Then each anchor's conversation is summed up from the same thread
 * index. `setAside`: folder ids (Trash, Junk) whose messages do not count. Within a
 * conversation messages go by when they were written (Date, else arrival): the user's own
 * copy in Sent may be filed after the replies to it arrived.
 */
export function conversationPageQuery(
  scope: MessageScope,
  setAside: readonly string[],
  rows: number,
  keyset: SQL | null = null,
): SQL | null {
  const viewFilter = (alias: string): SQL[] => [
    ...(scope.starredOnly ? [sql.raw(`${alias}.flagged`)] : []),
    ...(scope.unreadOnly ? [sql.raw(`not ${alias}.seen`)] : []),
  ];
  const perFolder = !scope.starredOnly && !scope.unreadOnly;
  const branches: SQL[] = [];
  const inView: string[] = [];
  for (const source of scope.sources) {
    inView.push(...source.mailboxIds);
    const newerInView = sql.join(
      [
        sql`n.account_id = m.account_id`,
        sql`n.thread_id = m.thread_id`,
        sql`n.mailbox_id = any(${sql.param(source.mailboxIds)}::uuid[])`,
        ...viewFilter('n'),
        sql`(n.received_at, n.id) > (m.received_at, m.id)`,
      ],
      sql` and `,
    );
    const groups = perFolder ? source.mailboxIds.map((id) => [id]) : [source.mailboxIds];
    for (const ids of groups) {
      const folder =
        ids.length === 1
          ? sql`m.mailbox_id = ${ids[0]}::uuid`
          : sql`m.mailbox_id = any(${sql.param(ids)}::uuid[])`;
      const where = sql.join(
        [
          sql`m.account_id = ${source.accountId}::uuid`,
          folder,
          ...viewFilter('m'),
          ...(keyset ? [keyset] : []),
          sql`(m.thread_id is null or not exists (select 1 from message n where ${newerInView}))`,
        ],
        sql` and `,
      );
      branches.push(sql`(select m.id, m.account_id, m.thread_id, m.received_at,
          m.received_at::text as anchor_key, m.mailbox_id, m.subject
        from message m where ${where}
        order by m.received_at desc, m.id desc limit ${rows})`);
    }
  }
  if (branches.length === 0) return null;
  const counted = sql`(n.mailbox_id = any(${sql.param(inView)}::uuid[])
    or not n.mailbox_id = any(${sql.param([...setAside])}::uuid[]))`;
  return sql`with anchors as (
      select * from (${sql.join(branches, sql` union all `)}) page
      order by received_at desc, id desc limit ${rows})
    select a.id, a.account_id, a.anchor_key, a.thread_id, a.mailbox_id, a.subject,
      l."from", l."to", l.snippet, l.received_at::text as received_at, c.message_count, c.seen,
      c.flagged, c.has_attachments, c.senders, c.in_view_ids
    from anchors a
    cross join lateral (
      select count(*)::int as message_count, bool_and(n.seen) as seen,
        bool_or(n.flagged) as flagged, bool_or(n.has_attachments) as has_attachments,
        jsonb_agg(n."from" order by n.written_at, n.id) as senders,
        (array_agg(n.id order by n.written_at desc, n.id desc))[1] as latest_id,
        coalesce(array_agg(n.id order by n.written_at desc, n.id desc)
          filter (where n.mailbox_id = any(${sql.param(inView)}::uuid[])), '{}') as in_view_ids
      from (
        select n.id, n.mailbox_id, coalesce(n.sent_at, n.received_at) as written_at, n.seen,
            n.flagged, n.has_attachments, n."from"
          from message n
          where n.account_id = a.account_id and n.thread_id = a.thread_id and ${counted}
        union all
        select n.id, n.mailbox_id, coalesce(n.sent_at, n.received_at) as written_at, n.seen,
            n.flagged, n.has_attachments, n."from"
          from message n
          where a.thread_id is null and n.account_id = a.account_id and n.id = a.id
      ) n
    ) c
    join message l on l.account_id = a.account_id and l.id = c.latest_id
    order by a.received_at desc, a.id desc`;
}
