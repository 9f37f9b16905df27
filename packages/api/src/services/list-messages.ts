import { type Database, type MailAddress, type SQL, sql } from '@youjian/db';
import { decodeCursor, encodeCursor } from '../lib/message-cursor';
import {
  type MailView,
  type MessageScope,
  resolveMessageScope,
  type ScopeSource,
} from '../lib/message-scope';
import { checkTimeZone, searchConditions, searchTextCondition } from '../lib/search-conditions';
import { searchPageBranch } from '../lib/search-page';
import { parseSearchQuery } from '../lib/search-query';
import { loadUserMailboxes } from '../lib/user-mailboxes';

export interface ListMessagesOptions {
  db: Database;
  userId: string;
  /** a unified view across every linked mailbox; "All inboxes" when nothing else is given */
  view?: MailView;
  accountId?: string;
  mailboxId?: string;
  /** the search box's text (see parseSearchQuery); searches the view, folder or all mail */
  query?: string;
  /** IANA zone of the user, for before:/after: days; UTC when absent */
  timeZone?: string;
  cursor?: string;
  limit: number;
}

export interface MessageListItem {
  id: string;
  accountId: string;
  /** the mailbox the row belongs to, so a unified list can say (and colour) whose it is */
  account: { id: string; address: string };
  mailboxId: string;
  subject: string;
  from: MailAddress | null;
  to: MailAddress[];
  snippet: string;
  receivedAt: Date;
  seen: boolean;
  flagged: boolean;
  hasAttachments: boolean;
}

/** A list row as the page statements select it. */
export interface MessageRow {
  id: string;
  account_id: string;
  mailbox_id: string;
  subject: string;
  from: MailAddress | null;
  to: MailAddress[];
  snippet: string;
  received_at: string;
  received_at_key: string;
  seen: boolean;
  flagged: boolean;
  has_attachments: boolean;
}

/**
 * One page of messages, newest first, from one folder, a unified view or a search. Takes
 * the user, what to show, an opaque cursor from the previous page and a page size (1..200);
 * returns the rows (each with its mailbox's id and address) and the next cursor or null.
 * Paging is by keyset on (received_at, id) — id breaks ties — never OFFSET, so page 100
 * costs what page 1 costs and mail arriving on top does not shift later pages. Throws
 * AppError INVALID_INPUT for a malformed cursor, search text or time zone, NOT_FOUND for a
 * folder or mailbox that is not the user's. A read only: the client records a search it
 * got an answer for through messages.rememberSearch, so listing (and Select all's bulk
 * walk through the pages) never writes.
 */
export async function listMessages(
  options: ListMessagesOptions,
): Promise<{ items: MessageListItem[]; nextCursor: string | null }> {
  const { db, userId, query, cursor, limit } = options;
  const search = query ? parseSearchQuery(query) : null;
  const timeZone = checkTimeZone(options.timeZone ?? 'UTC');
  const after = cursor ? decodeCursor(cursor) : null;
  const { accounts, folders } = await loadUserMailboxes(db, userId);
  const scope = resolveMessageScope(accounts, folders, {
    view: options.view,
    accountId: options.accountId,
    mailboxId: options.mailboxId,
    folders: search?.folders,
    accounts: search?.accounts,
    searching: search !== null,
  });
  const text = search ? searchTextCondition(search) : null;
  const filters = search ? searchConditions(search, timeZone, { withoutText: text !== null }) : [];
  const keyset = after
    ? sql`(m.received_at, m.id) < (${after.receivedAt}::timestamptz, ${after.id}::uuid)`
    : null;
  const statement = messagePageQuery(scope, filters, limit + 1, search !== null, keyset, text);
  const result = statement ? await db.execute(statement) : null;
  const rows = (result?.rows ?? []) as unknown as MessageRow[];

  const addressOf = new Map(accounts.map((a) => [a.id, a.address]));
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => toMessageListItem(row, addressOf.get(row.account_id) ?? '')),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ receivedAt: last.received_at_key, id: last.id })
        : null,
  };
}

/** A selected row as the list item the client gets; `address` is its mailbox's. */
export function toMessageListItem(
  row: Omit<MessageRow, 'received_at_key'>,
  address: string,
): MessageListItem {
  return {
    id: row.id,
    accountId: row.account_id,
    account: { id: row.account_id, address },
    mailboxId: row.mailbox_id,
    subject: row.subject,
    from: row.from,
    to: row.to,
    snippet: row.snippet,
    receivedAt: new Date(row.received_at),
    seen: row.seen,
    flagged: row.flagged,
    hasAttachments: row.has_attachments,
  };
}

/**
 * The page as one statement: a branch per source, each reading its own index newest first
 * and stopping after `rows`, then the branches merged by (received_at, id). A folder list
 * reads one folder per branch on (account_id, mailbox_id, received_at DESC, id DESC); a
 * search reads one account per branch, through the GIN index on (account_id,
 * search_document) when it has `text` (a tsquery condition with a word that must be
 * present, kept apart from the other `filters`), else on (account_id, received_at DESC, id
 * DESC) or the Starred/Unread partial indexes (searchPageBranch). Null when the scope holds
 * no folder.
 */
export function messagePageQuery(
  scope: MessageScope,
  filters: readonly SQL[],
  rows: number,
  searching: boolean,
  keyset: SQL | null = null,
  text: SQL | null = null,
): SQL | null {
  const branches: SQL[] = [];
  const perFolder = !searching;
  const viewFilters = keyset ? [...filters, keyset] : [...filters];
  if (scope.starredOnly) viewFilters.push(sql`m.flagged`);
  if (scope.unreadOnly) viewFilters.push(sql`not m.seen`);
  const onePerFolder = (source: ScopeSource) =>
    perFolder && !scope.starredOnly && !scope.unreadOnly
      ? source.mailboxIds.map((id) => ({ accountId: source.accountId, mailboxIds: [id] }))
      : [source];
  for (const source of scope.sources.flatMap(onePerFolder)) {
    const folder =
      source.mailboxIds.length === 1
        ? sql`m.mailbox_id = ${source.mailboxIds[0]}::uuid`
        : sql`m.mailbox_id = any(${sql.param(source.mailboxIds)}::uuid[])`;
    const account = sql`m.account_id = ${source.accountId}::uuid`;
    const owner = [account, folder];
    const where = sql.join([...owner, ...viewFilters], sql` and `);
    if (!searching) {
      branches.push(sql`(select ${PAGE_COLUMNS} from message m where ${where}
        order by m.received_at desc, m.id desc limit ${rows})`);
      continue;
    }
    branches.push(
      searchPageBranch({
        account,
        folder,
        keyset,
        filters: viewFilters,
        text,
        columns: PAGE_COLUMNS,
        rows,
      }),
    );
  }
  if (branches.length === 0) return null;
  if (branches.length === 1) return branches[0] ?? null;
  return sql`select * from (${sql.join(branches, sql` union all `)}) page
    order by received_at desc, id desc limit ${rows}`;
}

const PAGE_COLUMNS = sql`m.id, m.account_id, m.mailbox_id, m.subject, m."from", m."to",
  m.snippet, m.received_at, m.received_at::text as received_at_key, m.seen, m.flagged,
  m.has_attachments`;
