import type { MailAddress } from '@youjian/db';

/** A message in the Sent folder's mirror that may be the provider's copy of our mail. */
export interface SentCopyCandidate {
  /** the mirror row's id, so one copy is claimed by one outgoing mail only */
  id: string;
  messageId: string | null;
  subject: string;
  to: MailAddress[];
  cc: MailAddress[];
  /** the Date header (RFC 5322 §3.6.1), null when absent or unparsable */
  sentAt: Date | null;
}

/** What Youjian submitted over SMTP, as the outgoing row remembers it. */
export interface SubmittedMail {
  /** the Message-ID we chose, with angle brackets (RFC 5322 §3.6.4) */
  messageIdHeader: string;
  subject: string;
  to: MailAddress[];
  cc: MailAddress[];
  /** when SMTP accepted it; the Date header was set moments before */
  sentAt: Date;
}

/**
 * How far a copy's Date header may be from the moment SMTP accepted the mail and still
 * count as the same mail when its Message-ID differs: the header is written just before
 * the SMTP transaction, so only clock skew and a slow transaction separate the two.
 */
export const SENT_COPY_DATE_TOLERANCE_MS = 2 * 60_000;

const bare = (messageId: string) => messageId.trim().replace(/^<|>$/g, '');
const words = (subject: string) => subject.trim().replace(/\s+/g, ' ');
const recipients = (mail: { to: MailAddress[]; cc: MailAddress[] }) =>
  [...new Set([...mail.to, ...mail.cc].map((a) => a.address.trim().toLowerCase()))].sort();

/**
 * Picks the provider's copy of a submitted mail among the Sent folder's messages, or null.
 * A copy with our Message-ID wins. Failing that, a provider may have given the copy a new
 * Message-ID (seen with mail a user sends to themself), so a copy with the same subject,
 * the same To+Cc addresses (as sets, case-insensitive) and a Date header within
 * SENT_COPY_DATE_TOLERANCE_MS counts too — the closest in date, and never one whose id is
 * in `claimed` (already matched to another outgoing mail) or whose Message-ID is another
 * outgoing mail's own. Pure.
 */
export function pickSentCopy(
  candidates: readonly SentCopyCandidate[],
  mail: SubmittedMail,
  options: { claimed?: ReadonlySet<string>; otherMessageIds?: ReadonlySet<string> } = {},
): SentCopyCandidate | null {
  const ours = bare(mail.messageIdHeader);
  const open = candidates.filter((candidate) => !options.claimed?.has(candidate.id));
  const exact = open.find((c) => c.messageId !== null && bare(c.messageId) === ours);
  if (exact) return exact;
  const others = new Set([...(options.otherMessageIds ?? [])].map(bare));
  const subject = words(mail.subject);
  const wanted = recipients(mail).join('\n');
  let best: { candidate: SentCopyCandidate; distance: number } | null = null;
  for (const candidate of open) {
    if (candidate.sentAt === null) continue;
    if (candidate.messageId !== null && others.has(bare(candidate.messageId))) continue;
    const distance = Math.abs(candidate.sentAt.getTime() - mail.sentAt.getTime());
    if (distance > SENT_COPY_DATE_TOLERANCE_MS) continue;
    if (words(candidate.subject) !== subject) continue;
    if (recipients(candidate).join('\n') !== wanted) continue;
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best?.candidate ?? null;
}
