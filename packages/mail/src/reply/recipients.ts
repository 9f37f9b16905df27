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
 * the original's To and Cc, leaving out every address of every mailbox the user linked
 * (`ownAddresses`); each address appears once across To and Cc. When the answering
 * mailbox (`replyingAddress`) wrote the original itself (a message from Sent), the reply
 * goes to the original's recipients, as Gmail and Thunderbird do, rather than back to
 * itself. A sender that is another of the user's own mailboxes is answered like anyone.
 */
export function replyRecipients(options: {
  original: OriginalAddresses;
  ownAddresses: string[];
  /** the mailbox the reply is sent from */
  replyingAddress: string;
  all: boolean;
}): ReplyRecipients {
  const { original, all } = options;
  const own = new Set(options.ownAddresses.map((address) => address.trim().toLowerCase()));
  const replying = options.replyingAddress.trim().toLowerCase();
  own.add(replying);
  const author =
    original.replyTo.length > 0 ? original.replyTo : original.from ? [original.from] : [];
  const fromSelf = author.length > 0 && author.every((address) => key(address) === replying);

  if (fromSelf) {
    const seen = new Set(own);
    const to = withoutOwnAndRepeated(original.to, seen);
    return { to, cc: all ? withoutOwnAndRepeated(original.cc, seen) : [] };
  }
  const to = withoutOwnAndRepeated(author, new Set([replying]));
  const seen = new Set([...own, ...to.map(key)]);
  if (!all) return { to, cc: [] };
  return {
    to: [...to, ...withoutOwnAndRepeated(original.to, seen)],
    cc: withoutOwnAndRepeated(original.cc, seen),
  };
}
