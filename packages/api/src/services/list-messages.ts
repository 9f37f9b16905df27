import {
  and,
  type Database,
  desc,
  eq,
  mailAccount,
  message,
  sql,
  toSearchQuery,
} from '@youjian/db';
import { decodeCursor, encodeCursor } from '../lib/message-cursor';

type Condition = ReturnType<typeof eq>;

export interface ListMessagesOptions {
  db: Database;
  userId: string;
  accountId?: string;
  mailboxId?: string;
  /** free text; Chinese words match through the CJK bigram search document */
  query?: string;
  cursor?: string;
  limit: number;
}

/**
 * One page of messages, newest first. Paging is by keyset on (received_at, id), never
 * OFFSET, so page 100 costs what page 1 costs and new mail arriving on top does not
 * shift later pages.
 */
export async function listMessages(options: ListMessagesOptions) {
  const { db, userId, accountId, mailboxId, query, cursor, limit } = options;
  const filters: Condition[] = [eq(mailAccount.userId, userId)];
  if (accountId) filters.push(eq(message.accountId, accountId));
  if (mailboxId) filters.push(eq(message.mailboxId, mailboxId));
  const tsQuery = query ? toSearchQuery(query) : null;
  if (tsQuery) filters.push(sql`${message.searchDocument} @@ to_tsquery('simple', ${tsQuery})`);
  if (cursor) {
    const after = decodeCursor(cursor);
    filters.push(
      sql`(${message.receivedAt}, ${message.id}) < (${after.receivedAt}::timestamptz, ${after.id}::uuid)`,
    );
  }

  const rows = await db
    .select({
      id: message.id,
      accountId: message.accountId,
      mailboxId: message.mailboxId,
      subject: message.subject,
      from: message.from,
      to: message.to,
      snippet: message.snippet,
      receivedAt: message.receivedAt,
      seen: message.seen,
      flagged: message.flagged,
      hasAttachments: message.hasAttachments,
      receivedAtKey: sql<string>`${message.receivedAt}::text`,
    })
    .from(message)
    .innerJoin(mailAccount, eq(mailAccount.id, message.accountId))
    .where(and(...filters))
    .orderBy(desc(message.receivedAt), desc(message.id))
    .limit(limit + 1);

  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ receivedAt: last.receivedAtKey, id: last.id })
      : null;
  return { items: page.map(({ receivedAtKey: _key, ...item }) => item), nextCursor };
}
