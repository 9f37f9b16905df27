import type { ImapFlow } from '@youjian/mail';

/** The session's CAPABILITY list (RFC 3501 §6.1.1) as imapflow learned it after login. */
export function capabilitiesOf(client: ImapFlow): string[] {
  return [...client.capabilities.keys()];
}
