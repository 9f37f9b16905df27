import type { ImapFlow } from 'imapflow';
import { MailError } from './errors';
import type { MailboxRef } from './types';
import { withMailbox } from './with-mailbox';

/**
 * The full RFC 5322 bytes of message `uid` of `folder`, read with BODY.PEEK[] so \Seen is
 * not set; a miss is looked at once more after a NOOP, for mail that arrived while the
 * folder stayed selected. Throws MailError UIDVALIDITY_CHANGED when the folder was renumbered (the UID
 * would name another message, RFC 3501 §2.3.1.1), MESSAGE_NOT_FOUND when it is gone.
 */
export async function fetchRawMessage(
  client: ImapFlow,
  folder: MailboxRef,
  uid: number,
): Promise<Buffer> {
  const { path } = folder;
  const source = await withMailbox(client, folder, { readOnly: true }, async () => {
    const fetchSource = async () =>
      (await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true })) || null;
    // A session that kept the folder selected may not have been told of mail delivered
    // since (Dovecot answers a FETCH of such a UID with nothing): NOOP lets the server
    // report it (RFC 3501 §6.1.2), and only a second miss means the message is gone.
    const message = (await fetchSource()) ?? (await client.noop().then(fetchSource));
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
