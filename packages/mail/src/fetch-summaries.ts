/**
 * Header-level mirror data in one UID FETCH per range (RFC 3501 §6.4.8): UID FLAGS
 * ENVELOPE BODYSTRUCTURE INTERNALDATE RFC822.SIZE and the References header, which
 * ENVELOPE lacks. Envelope text that imapflow could not decode (raw 8-bit GBK headers, or
 * GB18030 in words labelled gb2312) is re-read from the header bytes in one more FETCH for
 * just those messages — never a round trip per message.
 */
import type {
  FetchMessageObject,
  FetchQueryObject,
  ImapFlow,
  MessageAddressObject,
} from 'imapflow';
import { addressParser } from 'postal-mime';
import { hasAttachments } from './body-structure';
import { decodeEncodedWords, parseMessageIds, readRawHeaders } from './header-decode';
import { fetchPreviews } from './preview';
import { textPartOf } from './text-part';
import type { MailAddress, MessageSummary } from './types';
import { compactUidSet, normalizeUidRange } from './uid-set';
import { withMailbox } from './with-mailbox';
import { withoutNul } from './without-nul';

const SUMMARY_QUERY: FetchQueryObject = {
  uid: true,
  flags: true,
  envelope: true,
  bodyStructure: true,
  internalDate: true,
  size: true,
  headers: ['references'],
};

const REPAIR_HEADERS = ['subject', 'from', 'to', 'cc'];

/** RFC 3501 §2.3.2: \Recent belongs to one session, so it has no place in a mirror. */
function mirrorFlags(flags: Set<string> | undefined): string[] {
  return [...(flags ?? [])].filter((flag) => flag !== '\\Recent');
}
const REPLACEMENT_CHAR = '\uFFFD';

function toAddress(entry: MessageAddressObject | undefined): MailAddress | null {
  if (!entry?.address && !entry?.name) return null;
  return { name: withoutNul(entry.name ?? ''), address: withoutNul(entry.address ?? '') };
}

function toAddresses(entries: MessageAddressObject[] | undefined): MailAddress[] {
  return (entries ?? []).map(toAddress).filter((entry): entry is MailAddress => entry !== null);
}

function validDate(value: Date | string | undefined): Date | null {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function summaryFromFetch(message: FetchMessageObject): MessageSummary {
  const envelope = message.envelope;
  return {
    uid: message.uid,
    flags: mirrorFlags(message.flags),
    messageId: envelope?.messageId ? withoutNul(envelope.messageId) : null,
    inReplyTo: envelope?.inReplyTo ? withoutNul(envelope.inReplyTo) : null,
    // The answer to HEADER.FIELDS (REFERENCES) holds only that field; msg-ids are ASCII.
    references: parseMessageIds(withoutNul(message.headers?.toString('latin1') ?? '')),
    subject: withoutNul(envelope?.subject ?? ''),
    from: toAddress(envelope?.from?.[0]),
    to: toAddresses(envelope?.to),
    cc: toAddresses(envelope?.cc),
    sentAt: validDate(envelope?.date),
    receivedAt: validDate(message.internalDate) ?? new Date(0),
    size: message.size ?? 0,
    hasAttachments: hasAttachments(message.bodyStructure),
    textPart: textPartOf(message.bodyStructure),
  };
}

function needsRepair(summary: MessageSummary): boolean {
  const names = [summary.from, ...summary.to, ...summary.cc].map((entry) => entry?.name ?? '');
  return [summary.subject, ...names].some((text) => text.includes(REPLACEMENT_CHAR));
}

function parseAddressHeader(value: string | undefined): MailAddress[] {
  if (!value) return [];
  return addressParser(value, { flatten: true }).map((entry) => ({
    name: decodeEncodedWords(entry.name ?? ''),
    address: 'address' in entry && typeof entry.address === 'string' ? entry.address : '',
  }));
}

/** Pure: replaces envelope text with what the raw header bytes say. */
export function repairSummary(summary: MessageSummary, rawHeaders: Uint8Array): MessageSummary {
  const headers = readRawHeaders(rawHeaders);
  const subject = headers.get('subject')?.[0];
  const from = parseAddressHeader(headers.get('from')?.[0]);
  return {
    ...summary,
    subject: subject === undefined ? summary.subject : decodeEncodedWords(subject),
    from: from[0] ?? summary.from,
    to: headers.has('to') ? parseAddressHeader(headers.get('to')?.join(', ')) : summary.to,
    cc: headers.has('cc') ? parseAddressHeader(headers.get('cc')?.join(', ')) : summary.cc,
  };
}

async function repairUndecodable(client: ImapFlow, summaries: MessageSummary[]): Promise<void> {
  const broken = new Map(summaries.filter(needsRepair).map((summary) => [summary.uid, summary]));
  if (broken.size === 0) return;
  for await (const message of client.fetch(
    compactUidSet(broken.keys()),
    { uid: true, headers: REPAIR_HEADERS },
    { uid: true },
  )) {
    const summary = broken.get(message.uid);
    if (summary && message.headers) Object.assign(summary, repairSummary(summary, message.headers));
  }
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
    await repairUndecodable(client, summaries);
    if (previews) {
      const found = await fetchPreviews(
        client,
        summaries.map((s) => ({ uid: s.uid, part: s.textPart })),
      );
      for (const summary of summaries) summary.snippet = found.get(summary.uid) ?? '';
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
