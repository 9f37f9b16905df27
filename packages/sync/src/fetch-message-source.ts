import { and, type Database, eq, mailbox, message, type SecretBox } from '@youjian/db';
import { fetchRawMessage, MailError, type ParsedMessage, parseMessage } from '@youjian/mail';
import { withReadingSession } from './reading-session';
import { isUidValidityChange } from './renumbered-folder';
import { loadAccount } from './sync-account';
import { wakeWorker } from './wake-worker';

export interface MessageRef {
  db: Database;
  accountId: string;
  /** the mirror's message id (uuid), not the RFC 5322 Message-ID */
  messageId: string;
  secretBox: SecretBox;
}

export async function loadMessageRow(db: Database, accountId: string, messageId: string) {
  const [row] = await db
    .select({
      uid: message.uid,
      path: mailbox.path,
      uidValidity: mailbox.uidValidity,
      mailboxId: message.mailboxId,
    })
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
  return parseMessage(await fetchMessageSource(ref));
}

/**
 * The message's raw RFC 5322 bytes, read over the account's reading session, under the
 * folder's UIDVALIDITY as the mirror knows it. Throws MailError MESSAGE_NOT_FOUND when the
 * row or the message is gone, UIDVALIDITY_CHANGED (and wakes the worker to rebuild the
 * folder) when the folder was renumbered on the server.
 */
export async function fetchMessageSource(ref: MessageRef): Promise<Buffer> {
  const { db, accountId, messageId, secretBox } = ref;
  const row = await loadMessageRow(db, accountId, messageId);
  const account = await loadAccount(db, accountId);
  if (!account) throw new Error(`mail account ${accountId} does not exist`);
  return withReadingSession(db, account, secretBox, (client) =>
    fetchRawMessage(client, { path: row.path, uidValidity: row.uidValidity }, row.uid),
  ).catch(async (error: unknown) => {
    if (!isUidValidityChange(error)) throw error;
    // the row's UID may name another message now: never show that one; the worker's
    // sync rebuilds the folder (RFC 3501 §2.3.1.1) and the message reappears under its
    // new UID
    await wakeWorker(db.$client, accountId);
    throw new MailError({
      code: 'UIDVALIDITY_CHANGED',
      protocol: 'imap',
      uidValidity: error.uidValidity,
      userMessage:
        'This folder was renumbered on the mail server and is being read again. Open the message again in a moment.',
      cause: error,
    });
  });
}
