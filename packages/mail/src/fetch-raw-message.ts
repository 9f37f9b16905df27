/** The full RFC 5322 bytes of one message, read with BODY.PEEK[] so \Seen is not set. */
import type { ImapFlow } from 'imapflow';
import { MailError } from './errors';
import { withMailbox } from './with-mailbox';

export async function fetchRawMessage(
  client: ImapFlow,
  path: string,
  uid: number,
): Promise<Buffer> {
  const source = await withMailbox(client, path, { readOnly: true }, async () => {
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
