/** The full RFC 5322 bytes of one message, read with BODY.PEEK[] so \Seen is not set. */
import type { ImapFlow } from 'imapflow';
import { MailError, toMailError } from './errors';

export async function fetchRawMessage(
  client: ImapFlow,
  path: string,
  uid: number,
): Promise<Buffer> {
  let source: Buffer | undefined;
  try {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      const message = await client.fetchOne(
        String(uid),
        { uid: true, source: true },
        { uid: true },
      );
      source = message ? message.source : undefined;
    } finally {
      lock.release();
    }
  } catch (error) {
    throw toMailError(error, 'imap');
  }
  if (!source) {
    throw new MailError({
      code: 'MESSAGE_NOT_FOUND',
      protocol: 'imap',
      userMessage: `Message ${uid} is no longer in folder "${path}" on the IMAP server.`,
    });
  }
  return source;
}
