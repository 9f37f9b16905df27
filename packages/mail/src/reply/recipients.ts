import type { MailAddress } from '../types';

/** The address fields of the message being answered. */
export interface OriginalAddresses {
  from: MailAddress | null;
  /** RFC 5322 §3.6.2: where the author asks replies to go; empty when absent */
  replyTo: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
}

export interface ReplyRecipients {
  to: MailAddress[];
  cc: MailAddress[];
}

const key = (address: MailAddress) => address.address.trim().toLowerCase();

/** Drops the user's own addresses and repeated ones (compared case-insensitively). */
function withoutOwnAndRepeated(addresses: MailAddress[], seen: Set<string>): MailAddress[] {
  const kept: MailAddress[] = [];
  for (const address of addresses) {
    const k = key(address);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    kept.push(address);
  }
  return kept;
}

/**
 * Recipients of a reply (`all` false) or a reply to all, as RFC 5322 §3.6.3 describes:
 * the reply goes to Reply-To when the original has one, else to its From; reply all adds
 * the original's To and Cc. Every address of every mailbox the user linked
 * (`ownAddresses`) is left out, and each address appears once across To and Cc. When the
 * user wrote the original (a message from Sent), the reply goes to its recipients, as
 * Gmail and Thunderbird do, rather than back to the user.
 */
export function replyRecipients(options: {
  original: OriginalAddresses;
  ownAddresses: string[];
  all: boolean;
}): ReplyRecipients {
  const { original, all } = options;
  const own = new Set(options.ownAddresses.map((address) => address.trim().toLowerCase()));
  const author =
    original.replyTo.length > 0 ? original.replyTo : original.from ? [original.from] : [];
  const fromSelf = author.length > 0 && author.every((address) => own.has(key(address)));

  const seen = new Set(own);
  if (fromSelf) {
    const to = withoutOwnAndRepeated(original.to, seen);
    return { to, cc: all ? withoutOwnAndRepeated(original.cc, seen) : [] };
  }
  const to = withoutOwnAndRepeated(all ? [...author, ...original.to] : author, seen);
  const cc = all ? withoutOwnAndRepeated(original.cc, seen) : [];
  return { to, cc };
}
