import type { ImapFlow } from 'imapflow';
import { MailError } from './errors';
import type { MailboxRef } from './types';
import { withMailbox } from './with-mailbox';

/**
 * The full RFC 5322 bytes of message `uid` of `folder`, read with BODY.PEEK[] so \Seen is
 * not set. Throws MailError UIDVALIDITY_CHANGED when the folder was renumbered (the UID
 * would name another message, RFC 3501 §2.3.1.1), MESSAGE_NOT_FOUND when it is gone.
 */
export async function fetchRawMessage(
  client: ImapFlow,
  folder: MailboxRef,
  uid: number,
): Promise<Buffer> {
  const { path } = folder;
  const source = await withMailbox(client, folder, { readOnly: true }, async () => {
    const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
    return message ? message.source : undefined;
  });
  if (!source) {
    throw new MailError({
      code: 'MESSAGE_NOT_FOUND',
      protocol: 'imap',
      userMessage: `Message ${uid} is no longer in folder "${path}" on the IMAP server.`,
    });
  }
  return source;
}
