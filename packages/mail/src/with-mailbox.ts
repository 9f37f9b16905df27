/**
 * Runs work with a folder selected under imapflow's mailbox lock, released in finally.
 * readOnly uses EXAMINE (RFC 3501 §6.3.2), so reading never changes \Recent or \Seen.
 */
import type { ImapFlow } from 'imapflow';
import { imapEndpointOf, MailError, toMailError } from './errors';
import type { MailboxRef } from './types';

/**
 * Selects `folder` (a path, or a MailboxRef whose UIDs the work will name) and runs
 * `work`. With a MailboxRef of known UIDVALIDITY the SELECT/EXAMINE answer's UIDVALIDITY
 * must equal it before any UID-addressed command is sent: RFC 3501 §2.3.1.1 — under a new
 * UIDVALIDITY every cached UID may name another message (Courier renumbers a renamed
 * folder), so STORE/COPY/MOVE/EXPUNGE/FETCH would hit the wrong mail. Returns what `work`
 * returns; throws MailError UIDVALIDITY_CHANGED (carrying the server's value) on a
 * mismatch, any other failure as a classified MailError.
 */
export async function withMailbox<T>(
  client: ImapFlow,
  folder: string | MailboxRef,
  options: { readOnly: boolean },
  work: () => Promise<T>,
): Promise<T> {
  const path = typeof folder === 'string' ? folder : folder.path;
  const expected = typeof folder === 'string' ? null : folder.uidValidity;
  try {
    const lock = await client.getMailboxLock(path, { readOnly: options.readOnly });
    try {
      const selected = client.mailbox;
      const actual = selected ? Number(selected.uidValidity) : null;
      if (expected !== null && actual !== null && actual !== expected) {
        throw uidValidityChanged(path, expected, actual);
      }
      return await work();
    } finally {
      lock.release();
    }
  } catch (error) {
    throw toMailError(error, 'imap', imapEndpointOf(client));
  }
}

function uidValidityChanged(path: string, expected: number, actual: number): MailError {
  return new MailError({
    code: 'UIDVALIDITY_CHANGED',
    protocol: 'imap',
    uidValidity: actual,
    userMessage: `The folder "${path}" was renumbered on the IMAP server (UIDVALIDITY ${expected} → ${actual}); its messages are being read again.`,
  });
}
