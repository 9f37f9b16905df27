/**
 * Full message parsing with postal-mime. gb2312/gbk labels are rewritten to gb18030 first
 * (WHATWG's gbk decoder lacks GB18030's four-byte sequences), and header text postal-mime
 * could only read as UTF-8 is re-read from the raw bytes. Garbage never throws: whatever
 * can be recovered is returned, MALFORMED_MESSAGE only when there is nothing at all.
 */
import { type Address, addressParser, type Email } from 'postal-mime';
import { withoutRoute } from './address-list';
import { declaredCharsets, decodeRawHeader, relabelGbCharsets } from './charset';
import { parseWithDecidedCharsets } from './decided-parse';
import { MailError } from './errors';
import { decodeEncodedWords, parseMessageIds, readRawHeaders } from './header-decode';
import { repairStructure } from './repair-structure';
import type { MailAddress, ParsedAttachment, ParsedMessage } from './types';
import { withoutNul } from './without-nul';

const REPLACEMENT_CHAR = '\uFFFD';

function flattenAddresses(addresses: Address[] | Address | undefined): MailAddress[] {
  const list = addresses === undefined ? [] : Array.isArray(addresses) ? addresses : [addresses];
  return list.flatMap((entry) =>
    entry.group
      ? entry.group.map((member) => ({ name: member.name, address: withoutRoute(member.address) }))
      : [{ name: entry.name, address: withoutRoute(entry.address) }],
  );
}

function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A name for a part that has none. A forwarded message (message/rfc822, RFC 2046 §5.2.1)
 * is named after its own subject, `<subject>.eml`, as Outlook and Thunderbird save it.
 */
function unnamedFilename(mimeType: string, content: Uint8Array, index: number): string {
  if (/^message\/(rfc822|global)$/i.test(mimeType)) {
    const subject = decodeEncodedWords(readRawHeaders(content).get('subject')?.[0] ?? '');
    const safe = subject
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a file name must not hold
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .trim()
      .slice(0, 120);
    return `${safe || 'forwarded message'}.eml`;
  }
  return `attachment-${index + 1}`;
}

function toAttachment(attachment: Email['attachments'][number], index: number): ParsedAttachment {
  const content =
    typeof attachment.content === 'string'
      ? new TextEncoder().encode(attachment.content)
      : attachment.content instanceof ArrayBuffer
        ? new Uint8Array(attachment.content)
        : attachment.content;
  return {
    filename: attachment.filename || unnamedFilename(attachment.mimeType, content, index),
    contentType: attachment.mimeType || 'application/octet-stream',
    size: content.byteLength,
    content,
    contentId: attachment.contentId?.replace(/^<|>$/g, '') ?? null,
    disposition: attachment.disposition === 'inline' ? 'inline' : 'attachment',
  };
}

function hasUndecodable(message: ParsedMessage): boolean {
  const names = [message.from, ...message.to, ...message.cc].map((entry) => entry?.name ?? '');
  return [message.subject, ...names].some((text) => text.includes(REPLACEMENT_CHAR));
}

/** Header text from the raw bytes, for fields postal-mime turned into U+FFFD. */
function repairHeaders(message: ParsedMessage, raw: Buffer): ParsedMessage {
  const headers = readRawHeaders(raw);
  const addresses = (name: string, fallback: MailAddress[]) => {
    const values = headers.get(name);
    if (!values) return fallback;
    return flattenAddresses(addressParserOf(values.join(', ')));
  };
  const subject = headers.get('subject')?.[0];
  const from = addresses('from', message.from ? [message.from] : []);
  return {
    ...message,
    subject: subject === undefined ? message.subject : decodeEncodedWords(subject),
    from: from[0] ?? message.from,
    to: addresses('to', message.to),
    cc: addresses('cc', message.cc),
  };
}

function addressParserOf(value: string): Address[] {
  return addressParser(value).map((entry) =>
    entry.group
      ? {
          ...entry,
          name: decodeEncodedWords(entry.name),
          group: entry.group.map((m) => ({ ...m, name: decodeEncodedWords(m.name) })),
        }
      : { ...entry, name: decodeEncodedWords(entry.name) },
  );
}

/** What can be said about a message postal-mime refused: its headers and its text. */
function fallbackParse(raw: Buffer): ParsedMessage | null {
  const headers = readRawHeaders(raw);
  let bodyStart = raw.indexOf('\r\n\r\n');
  bodyStart = bodyStart < 0 ? raw.indexOf('\n\n') : bodyStart;
  const body =
    bodyStart < 0 ? '' : decodeRawHeader(raw.subarray(bodyStart), declaredCharsets(raw)).trim();
  if (headers.size === 0 && body === '') return null;
  const from = flattenAddresses(addressParserOf(headers.get('from')?.join(', ') ?? ''));
  return {
    messageId: headers.get('message-id')?.[0]?.trim() || null,
    inReplyTo: headers.get('in-reply-to')?.[0]?.trim() || null,
    references: parseMessageIds(headers.get('references')?.join(' ')),
    subject: decodeEncodedWords(headers.get('subject')?.[0] ?? ''),
    from: from[0] ?? null,
    to: flattenAddresses(addressParserOf(headers.get('to')?.join(', ') ?? '')),
    cc: flattenAddresses(addressParserOf(headers.get('cc')?.join(', ') ?? '')),
    sentAt: parseDate(headers.get('date')?.[0]),
    html: null,
    text: body || null,
    attachments: [],
  };
}

function recoverOrFail(raw: Buffer, cause: unknown): ParsedMessage {
  const recovered = fallbackParse(raw);
  if (recovered) return withoutNuls({ ...recovered, malformed: true });
  throw new MailError({
    code: 'MALFORMED_MESSAGE',
    protocol: 'imap',
    userMessage: 'The message could not be read: it is empty or not a valid MIME message.',
    cause,
  });
}

/** The text fields without U+0000 (see without-nul.ts); attachments stay byte-exact. */
function withoutNuls(message: ParsedMessage): ParsedMessage {
  const address = (entry: MailAddress) => ({
    name: withoutNul(entry.name),
    address: withoutNul(entry.address),
  });
  return {
    ...message,
    subject: withoutNul(message.subject),
    from: message.from && address(message.from),
    to: message.to.map(address),
    cc: message.cc.map(address),
    html: message.html && withoutNul(message.html),
    text: message.text && withoutNul(message.text),
  };
}

export async function parseMessage(raw: Buffer): Promise<ParsedMessage> {
  let email: Email;
  try {
    email = await parseWithDecidedCharsets(relabelGbCharsets(repairStructure(raw)));
  } catch (error) {
    return recoverOrFail(raw, error);
  }
  const from = flattenAddresses(email.from);
  const parsed: ParsedMessage = {
    messageId: email.messageId?.trim() || null,
    replyTo: flattenAddresses(email.replyTo),
    inReplyTo: email.inReplyTo?.trim() || null,
    references: parseMessageIds(email.references),
    subject: email.subject ?? '',
    from: from[0] ?? null,
    to: flattenAddresses(email.to),
    cc: flattenAddresses(email.cc),
    sentAt: parseDate(email.date),
    html: email.html ?? null,
    text: email.text ?? null,
    attachments: email.attachments.map(toAttachment),
  };
  if (
    !parsed.html &&
    !parsed.text &&
    parsed.attachments.length === 0 &&
    email.headers.length === 0
  ) {
    return recoverOrFail(raw, null);
  }
  if (endsInsideHeader(raw)) parsed.malformed = true;
  if (
    !parsed.html &&
    !parsed.text?.trim() &&
    parsed.attachments.length === 0 &&
    !boundaryOccurs(raw)
  ) {
    // a multipart whose boundary is missing or never occurs yields no part at all: show the
    // body's raw text rather than nothing, marked as not read as MIME (one whose boundary
    // occurs but encloses no part is an empty multipart, and empty is what it shows)
    const recovered = fallbackParse(raw);
    if (recovered?.text) return withoutNuls({ ...parsed, text: recovered.text, malformed: true });
  }
  return withoutNuls(hasUndecodable(parsed) ? repairHeaders(parsed, raw) : parsed);
}

/** Pure: the top-level Content-Type names a boundary and its delimiter occurs in the body. */
function boundaryOccurs(raw: Buffer): boolean {
  const type = readRawHeaders(raw).get('content-type')?.[0] ?? '';
  const boundary = /boundary\s*=\s*"?([^";\s]+)"?/i.exec(type)?.[1];
  return !!boundary && raw.includes(`--${boundary}`);
}

/**
 * Pure: the message was cut off inside its header section — no empty line ends it
 * (RFC 5322 §2.1) and its last line has no line break: a truncated upload or delivery.
 */
export function endsInsideHeader(raw: Buffer): boolean {
  const last = raw[raw.length - 1];
  return raw.length > 0 && last !== 0x0a && raw.indexOf('\r\n\r\n') < 0 && raw.indexOf('\n\n') < 0;
}
