import { and, type Database, eq, mailbox, message, type SecretBox } from '@youjian/db';
import {
  fetchRawMessage,
  MailError,
  openImap,
  type ParsedMessage,
  parseMessage,
} from '@youjian/mail';
import { accountCredentials } from './account-credentials';
import { withImapSlot } from './imap-slot';
import { closeSession, loadAccount } from './sync-account';

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

/** Fetches the message's raw source from the provider over a short session and parses it. */
export async function fetchParsedMessage(ref: MessageRef): Promise<ParsedMessage> {
  const { db, accountId, messageId, secretBox } = ref;
  const row = await loadMessageRow(db, accountId, messageId);
  const account = await loadAccount(db, accountId);
  if (!account) throw new Error(`mail account ${accountId} does not exist`);
  // at most SHORT_SESSIONS_PER_ACCOUNT of these sessions per account at once (imap-slot.ts)
  const raw = await withImapSlot(db, accountId, async () => {
    const client = await openImap(accountCredentials(account, secretBox));
    try {
      return await fetchRawMessage(client, row.path, row.uid);
    } finally {
      await closeSession(client);
    }
  });
  return parseMessage(raw);
}
