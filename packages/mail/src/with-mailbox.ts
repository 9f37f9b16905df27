/**
 * Runs work with `path` selected under imapflow's mailbox lock, released in finally.
 * readOnly uses EXAMINE (RFC 3501 §6.3.2), so reading never changes \Recent or \Seen.
 */
import type { ImapFlow } from 'imapflow';
import { imapEndpointOf, toMailError } from './errors';

export async function withMailbox<T>(
  client: ImapFlow,
  path: string,
  options: { readOnly: boolean },
  work: () => Promise<T>,
): Promise<T> {
  try {
    const lock = await client.getMailboxLock(path, { readOnly: options.readOnly });
    try {
      return await work();
    } finally {
      lock.release();
    }
  } catch (error) {
    throw toMailError(error, 'imap', imapEndpointOf(client));
  }
}
