import type { Database, SecretBox } from '@youjian/db';
import { loadMessageBody } from '@youjian/sync';
import { requireOwnedMessage } from '../lib/owned-rows';
import { setFlags } from './set-flags';

export interface GetMessageOptions {
  db: Database;
  secretBox: SecretBox;
  userId: string;
  accountId: string;
  messageId: string;
  allowRemoteImages?: boolean;
}

/**
 * A message for the reading pane: header from the mirror, body fetched on first open
 * (then cached). Opening marks it read, in the mirror at once and on the server through
 * the write-back queue.
 */
export async function getMessage(options: GetMessageOptions) {
  const { db, secretBox, userId, accountId, messageId } = options;
  const header = await requireOwnedMessage(db, { userId, accountId, messageId });
  const body = await loadMessageBody({
    db,
    accountId,
    messageId,
    secretBox,
    allowRemoteImages: options.allowRemoteImages ?? false,
  });
  if (!header.seen) await setFlags({ db, userId, accountId, messageIds: [messageId], seen: true });

  return {
    id: header.id,
    accountId: header.accountId,
    mailboxId: header.mailboxId,
    subject: header.subject,
    from: header.from,
    to: header.to,
    cc: header.cc,
    sentAt: header.sentAt,
    receivedAt: header.receivedAt,
    flagged: header.flagged,
    seen: true,
    body,
  };
}
