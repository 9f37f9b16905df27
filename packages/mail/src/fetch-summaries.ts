/**
 * Header-level mirror data in one UID FETCH per range (RFC 3501 §6.4.8): UID FLAGS
 * ENVELOPE BODYSTRUCTURE INTERNALDATE RFC822.SIZE and the raw header fields the list shows
 * (BODY.PEEK[HEADER.FIELDS (…)]). Text comes from the raw fields, decoded by the same
 * code as the reading pane (header-decode.ts, address-list.ts): ENVELOPE loses what a
 * server cannot decode (raw 8-bit Latin-1 or GBK, UTF-7 words, encoded words with raw
 * bytes in them) and replaces broken addresses with MISSING_DOMAIN-style placeholders.
 * ENVELOPE stays the fallback for a field the header answer lacks.
 */

import type {
  FetchMessageObject,
  FetchQueryObject,
  ImapFlow,
  MessageAddressObject,
} from 'imapflow';
import { parseAddressList } from './address-list';
import { attachmentNames, hasAttachments, relatedInlineIds } from './body-structure';
import { boundedSummary } from './bounded-summary';
import { decodeEncodedWords, parseMessageIds, readRawHeaders } from './header-decode';
import { fetchPreviews, fetchSourcePreviews } from './preview';
import { SOURCE_PREVIEW_MAX_BYTES } from './source-text';
import { type TextPart, textPartOf } from './text-part';
import type { MailAddress, MessageSummary } from './types';
import { normalizeUidRange } from './uid-set';
import { withMailbox } from './with-mailbox';
import { withoutNul } from './without-nul';

/** The fields read raw; content-type names the charset raw 8-bit header bytes may be in. */
const HEADER_FIELDS = [
  'subject',
  'from',
  'to',
  'cc',
  'message-id',
  'in-reply-to',
  'references',
  'content-type',
];

const SUMMARY_QUERY: FetchQueryObject = {
  uid: true,
  flags: true,
  envelope: true,
  bodyStructure: true,
  internalDate: true,
  size: true,
  headers: HEADER_FIELDS,
};

/** RFC 3501 §2.3.2: \Recent belongs to one session, so it has no place in a mirror. */
function mirrorFlags(flags: Set<string> | undefined): string[] {
  return [...(flags ?? [])].filter((flag) => flag !== '\\Recent');
}

function validDate(value: Date | string | undefined): Date | null {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** RFC 3501 §7.4.2: what a server puts in ENVELOPE for a part it could not parse. */
const PLACEHOLDER = /MISSING_MAILBOX|MISSING_DOMAIN|\.MISSING-HOST-NAME\./;

function envelopeAddress(entry: MessageAddressObject | undefined): MailAddress | null {
  const address = entry?.address && !PLACEHOLDER.test(entry.address) ? entry.address : '';
  if (!address && !entry?.name) return null;
  return { name: withoutNul(entry?.name ?? ''), address: withoutNul(address) };
}

function envelopeAddresses(entries: MessageAddressObject[] | undefined): MailAddress[] {
  return (entries ?? [])
    .map(envelopeAddress)
    .filter((entry): entry is MailAddress => entry !== null);
}

/** The text part with the Content-IDs only the HTML can place (see TextPart.inlineIds). */
function withInlineIds(
  part: TextPart | null,
  structure: FetchMessageObject['bodyStructure'],
): TextPart | null {
  const inlineIds = relatedInlineIds(structure);
  return part && inlineIds.length > 0 ? { ...part, inlineIds } : part;
}

/** Pure: a fetched message as the mirror stores it (see the top of this file). */
export function summaryFromFetch(message: FetchMessageObject): MessageSummary {
  return boundedSummary(unboundedSummary(message));
}

function unboundedSummary(message: FetchMessageObject): MessageSummary {
  const envelope = message.envelope;
  const fields = message.headers ? readRawHeaders(message.headers) : new Map<string, string[]>();
  const field = (name: string) => fields.get(name)?.join(', ');
  const addresses = (name: string, fallback: MessageAddressObject[] | undefined) =>
    fields.has(name) ? parseAddressList(field(name)) : envelopeAddresses(fallback);
  const subject = fields.get('subject')?.[0];
  const messageId = parseMessageIds(field('message-id'))[0] ?? envelope?.messageId ?? null;
  const inReplyTo = fields.has('in-reply-to')
    ? (parseMessageIds(field('in-reply-to'))[0] ?? null)
    : (parseMessageIds(envelope?.inReplyTo)[0] ?? null);
  return {
    uid: message.uid,
    flags: mirrorFlags(message.flags),
    messageId: messageId ? withoutNul(messageId) : null,
    inReplyTo: inReplyTo ? withoutNul(inReplyTo) : null,
    references: parseMessageIds(withoutNul(fields.get('references')?.join(' ') ?? '')),
    subject: withoutNul(
      subject === undefined ? (envelope?.subject ?? '') : decodeEncodedWords(subject),
    ),
    from: addresses('from', envelope?.from)[0] ?? null,
    to: addresses('to', envelope?.to),
    cc: addresses('cc', envelope?.cc),
    sentAt: validDate(envelope?.date),
    receivedAt: validDate(message.internalDate) ?? new Date(0),
    size: message.size ?? 0,
    hasAttachments: hasAttachments(message.bodyStructure),
    attachmentNames: attachmentNames(message.bodyStructure).map(withoutNul),
    textPart: withInlineIds(textPartOf(message.bodyStructure), message.bodyStructure),
  };
}

export interface SummaryOptions {
  /**
   * Read list previews (one more partial FETCH per text-part section, see preview.ts).
   * A first sync asks for them only for the newest window: older snippets come with the
   * bodies (body-backfill), so headers of a large folder stream at the server's pace.
   */
  previews?: boolean;
}

/** Opens `path` read-only (EXAMINE) and fetches the summaries of the UID set `range`. */
export async function fetchSummaries(
  client: ImapFlow,
  path: string,
  range: string,
  { previews = true }: SummaryOptions = {},
): Promise<MessageSummary[]> {
  return withMailbox(client, path, { readOnly: true }, async () => {
    const summaries: MessageSummary[] = [];
    for await (const message of client.fetch(normalizeUidRange(range), SUMMARY_QUERY, {
      uid: true,
    })) {
      summaries.push(summaryFromFetch(message));
    }
    if (previews) {
      const found = await fetchPreviews(
        client,
        summaries.map((s) => ({ uid: s.uid, part: s.textPart })),
      );
      for (const summary of summaries) summary.snippet = found.get(summary.uid) ?? '';
      const unread = summaries.filter(
        (s) => !s.snippet && s.size > 0 && s.size <= SOURCE_PREVIEW_MAX_BYTES,
      );
      const parsed = await fetchSourcePreviews(
        client,
        unread.map((s) => s.uid),
      );
      for (const summary of unread) summary.snippet = parsed.get(summary.uid) ?? '';
    }
    return summaries;
  });
}

/**
 * `UID FETCH range (FLAGS RFC822.SIZE)`: the cheap diff of already-mirrored messages. The
 * size (octets, RFC 3501 §6.4.5) lets the diff notice a UID that now names another message
 * on a server that broke RFC 3501 §2.3.1.1 by reusing it without a new UIDVALIDITY.
 */
export async function fetchFlags(
  client: ImapFlow,
  path: string,
  range: string,
): Promise<{ uid: number; flags: string[]; size: number | null }[]> {
  return withMailbox(client, path, { readOnly: true }, async () => {
    const result: { uid: number; flags: string[]; size: number | null }[] = [];
    for await (const message of client.fetch(
      normalizeUidRange(range),
      { uid: true, flags: true, size: true },
      { uid: true },
    )) {
      result.push({
        uid: message.uid,
        flags: mirrorFlags(message.flags),
        size: message.size ?? null,
      });
    }
    return result;
  });
}
