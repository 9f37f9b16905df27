/**
 * STATUS (RFC 3501 §6.3.10) of one folder: the cheap probe the sync decision is based on.
 * HIGHESTMODSEQ is asked only where CONDSTORE exists (RFC 7162 §3.1.3); NetEase omits
 * UIDNEXT, which is reported as null rather than guessed.
 */
import type { ImapFlow } from 'imapflow';
import { imapEndpointOf, MailError, toMailError } from './errors';
import type { FolderStatus } from './types';

export async function folderStatus(client: ImapFlow, path: string): Promise<FolderStatus> {
  const condstore = client.capabilities.has('CONDSTORE');
  let status: Awaited<ReturnType<ImapFlow['status']>>;
  try {
    // RFC 3501 §6.3.10: STATUS is no way to check the selected folder for new mail. Dovecot
    // answers it from the session's view, which mail delivered since the last command does
    // not reach until a NOOP (RFC 3501 §6.1.2) brings it up to date.
    if (client.mailbox && client.mailbox.path === path) await client.noop();
    status = await client.status(path, {
      messages: true,
      uidNext: true,
      uidValidity: true,
      unseen: true,
      highestModseq: condstore,
    });
  } catch (error) {
    throw toMailError(error, 'imap', imapEndpointOf(client));
  }
  if (!status || status.uidValidity === undefined) {
    throw new MailError({
      code: 'PROTOCOL',
      protocol: 'imap',
      userMessage: `The IMAP server gave no STATUS for folder "${path}".`,
    });
  }
  return {
    uidValidity: Number(status.uidValidity),
    uidNext: status.uidNext ?? null,
    highestModSeq: status.highestModseq ?? null,
    messages: status.messages ?? 0,
    unseen: status.unseen ?? null,
  };
}
