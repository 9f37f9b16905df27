import type { Database, MailAddress } from '@youjian/db';
import { sql } from '@youjian/db';
import { requireOwnedMessage } from '../lib/owned-rows';

export interface GetConversationOptions {
  db: Database;
  userId: string;
  accountId: string;
  /** any message of the conversation, usually the one its list row opened */
  messageId: string;
}

export interface ConversationMessage {
  id: string;
  accountId: string;
  mailboxId: string;
  subject: string;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  snippet: string;
  sentAt: Date | null;
  receivedAt: Date;
  seen: boolean;
  flagged: boolean;
  hasAttachments: boolean;
}

interface MemberRow {
  id: string;
  account_id: string;
  mailbox_id: string;
  subject: string;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  snippet: string;
  sent_at: string | null;
  received_at: string;
  seen: boolean;
  flagged: boolean;
  has_attachments: boolean;
}

/**
 * The conversation a message belongs to, oldest first by when each was written (Date, else
 * arrival — a copy filed in Sent after the replies arrived still comes first): every message of its thread in the
 * mailbox's folders, Sent included, leaving out Trash and Junk unless the message itself
 * lies there (as the list counts them). Headers only; bodies load per message through
 * messages.get as they are expanded. Throws AppError NOT_FOUND for a message that is not
 * the user's.
 */
export async function getConversation(
  options: GetConversationOptions,
): Promise<{ threadId: string | null; messages: ConversationMessage[] }> {
  const { db, userId, accountId, messageId } = options;
  const opened = await requireOwnedMessage(db, { userId, accountId, messageId });
  const members = opened.threadId
    ? await db.execute(sql`select n.id, n.account_id, n.mailbox_id, n.subject, n."from", n."to",
          n.cc, n.snippet, n.sent_at::text, n.received_at::text, n.seen, n.flagged,
          n.has_attachments
        from message n
        join mailbox b on b.account_id = n.account_id and b.id = n.mailbox_id
        where n.account_id = ${accountId}::uuid and n.thread_id = ${opened.threadId}::uuid
          and (n.mailbox_id = ${opened.mailboxId}::uuid
            or b.role is null or b.role not in ('trash', 'junk'))
        order by coalesce(n.sent_at, n.received_at), n.id`)
    : null;
  const rows = (members?.rows as unknown as MemberRow[] | undefined) ?? [];
  const messages =
    rows.length > 0
      ? rows.map(toConversationMessage)
      : [
          {
            id: opened.id,
            accountId: opened.accountId,
            mailboxId: opened.mailboxId,
            subject: opened.subject,
            from: opened.from,
            to: opened.to,
            cc: opened.cc,
            snippet: opened.snippet,
            sentAt: opened.sentAt,
            receivedAt: opened.receivedAt,
            seen: opened.seen,
            flagged: opened.flagged,
            hasAttachments: opened.hasAttachments,
          },
        ];
  return { threadId: opened.threadId, messages };
}

function toConversationMessage(row: MemberRow): ConversationMessage {
  return {
    id: row.id,
    accountId: row.account_id,
    mailboxId: row.mailbox_id,
    subject: row.subject,
    from: row.from,
    to: row.to,
    cc: row.cc,
    snippet: row.snippet,
    sentAt: row.sent_at ? new Date(row.sent_at) : null,
    receivedAt: new Date(row.received_at),
    seen: row.seen,
    flagged: row.flagged,
    hasAttachments: row.has_attachments,
  };
}
