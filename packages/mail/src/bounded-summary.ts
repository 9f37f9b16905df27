/**
 * Bounds on the header text a message brings to the mirror. A hostile or broken message
 * can carry a one-megabyte Subject, sender name or Message-ID; Postgres refuses an index
 * entry over about 2,700 bytes (btree, "index row size exceeds maximum", SQLSTATE 54000),
 * and one refused row fails its whole sync batch — the account would stop syncing. Text
 * is cut to what a person can read in a list row; an id too long to be a real Message-ID
 * is dropped (RFC 5322 §2.1.1 caps a line at 998 characters, ids are far shorter).
 */
import type { MailAddress, MessageSummary } from './types';

/** Code points kept of a subject (up to 2,000 UTF-8 bytes: under the btree limit). */
export const MAX_SUBJECT_CHARS = 500;
/** Code points kept of a display name or an address. */
export const MAX_ADDRESS_CHARS = 256;
/** Longest Message-ID kept, in characters. */
export const MAX_MESSAGE_ID_CHARS = 500;
/** Attachment names kept (for search), and code points kept of each. */
export const MAX_ATTACHMENT_NAMES = 100;
export const MAX_ATTACHMENT_NAME_CHARS = 256;

/** Pure: the text cut to `max` code points, with "…" when cut. */
export function cutText(text: string, max: number): string {
  // a string has at least as many UTF-16 units as code points: short ones need no split
  if (text.length <= max) return text;
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}

const boundedAddress = (entry: MailAddress): MailAddress => ({
  name: cutText(entry.name, MAX_ADDRESS_CHARS),
  address: cutText(entry.address, MAX_ADDRESS_CHARS),
});

const idOrNull = (id: string | null) => (id && id.length <= MAX_MESSAGE_ID_CHARS ? id : null);

/** Pure: the summary with every header text within the bounds above. */
export function boundedSummary(summary: MessageSummary): MessageSummary {
  return {
    ...summary,
    subject: cutText(summary.subject, MAX_SUBJECT_CHARS),
    from: summary.from && boundedAddress(summary.from),
    to: summary.to.map(boundedAddress),
    cc: summary.cc.map(boundedAddress),
    messageId: idOrNull(summary.messageId),
    inReplyTo: idOrNull(summary.inReplyTo),
    references: summary.references.filter((id) => id.length <= MAX_MESSAGE_ID_CHARS),
    attachmentNames: summary.attachmentNames
      ?.slice(0, MAX_ATTACHMENT_NAMES)
      .map((name) => cutText(name, MAX_ATTACHMENT_NAME_CHARS)),
  };
}
