import { and, type Database, eq, mailbox, message, type SecretBox } from '@youjian/db';
import { fetchRawMessage, MailError, type ParsedMessage, parseMessage } from '@youjian/mail';
import { withReadingSession } from './reading-session';
import { loadAccount } from './sync-account';

export interface MessageRef {
  db: Database;
  accountId: string;
  /** the mirror's message id (uuid), not the RFC 5322 Message-ID */
  messageId: string;
  secretBox: SecretBox;
}

export async function loadMessageRow(db: Database, accountId: string, messageId: string) {
  const [row] = await db
    .select({ uid: message.uid, path: mailbox.path, mailboxId: message.mailboxId })
    .from(message)
    .innerJoin(
      mailbox,
      and(eq(mailbox.accountId, message.accountId), eq(mailbox.id, message.mailboxId)),
    )
    .where(and(eq(message.accountId, accountId), eq(message.id, messageId)));
  if (!row) {
    throw new MailError({
      code: 'MESSAGE_NOT_FOUND',
      protocol: 'imap',
      userMessage: 'This message no longer exists in the mailbox.',
    });
  }
  return row;
}

/** Fetches the message's raw source over the account's reading session and parses it. */
export async function fetchParsedMessage(ref: MessageRef): Promise<ParsedMessage> {
  const { db, accountId, messageId, secretBox } = ref;
  const row = await loadMessageRow(db, accountId, messageId);
  const account = await loadAccount(db, accountId);
  if (!account) throw new Error(`mail account ${accountId} does not exist`);
  const raw = await withReadingSession(db, account, secretBox, (client) =>
    fetchRawMessage(client, row.path, row.uid),
  );
  return parseMessage(raw);
}
