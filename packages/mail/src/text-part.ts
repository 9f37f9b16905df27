/**
 * The readable text of a message without downloading it whole: BODYSTRUCTURE (RFC 3501
 * §7.4.2) names the first text/plain part, else the first text/html, and a partial FETCH
 * (BODY.PEEK[<section>]<0.n>, §6.4.5) reads it for a whole batch of messages — one
 * command per distinct section, attachments never cross the wire. The list preview reads
 * the first 1.5 KB this way, the body index the whole part (up to a cap).
 */
import type { ImapFlow, MessageStructureObject } from 'imapflow';
import { decodeBodyText } from './charset';
import { compactUidSet } from './uid-set';
import { withoutNul } from './without-nul';

export interface TextPart {
  /** IMAP section number, e.g. "1" or "1.2"; "1" also for a single-part message */
  section: string;
  encoding: string;
  charset: string;
  html: boolean;
  /**
   * Content-IDs of images in a multipart/related that count as attachments only if the
   * HTML does not use them (body-structure.ts relatedInlineIds); absent when none
   */
  inlineIds?: string[];
}

function leafOf(
  node: MessageStructureObject,
  subtype: 'plain' | 'html',
): MessageStructureObject | null {
  const type = typeOf(node);
  // a forwarded message is an attachment: its text is never the outer message's
  if (type === 'message/rfc822' || type === 'message/global') return null;
  if (node.childNodes?.length) {
    for (const child of node.childNodes) {
      const found = leafOf(child, subtype);
      if (found) return found;
    }
    return null;
  }
  if (type !== `text/${subtype}` || node.disposition?.toLowerCase() === 'attachment') return null;
  return node;
}

/**
 * RFC 2045 §5.2: a Content-Type that cannot be read (`text` without a subtype, which
 * Dovecot reports as "/") is text/plain.
 */
function typeOf(node: MessageStructureObject): string {
  const type = node.type.toLowerCase();
  return ['', '/', 'text', 'text/', 'text/nil'].includes(type) ? 'text/plain' : type;
}

/** Pure: the part a message is read from — the first text/plain, else the first text/html. */
export function textPartOf(structure: MessageStructureObject | undefined): TextPart | null {
  if (!structure) return null;
  const node = leafOf(structure, 'plain') ?? leafOf(structure, 'html');
  if (!node) return null;
  return {
    section: node.part ?? '1',
    encoding: (node.encoding ?? '7bit').toLowerCase(),
    // absent stays absent: 8-bit text without a label is sniffed (charset.ts)
    charset: node.parameters?.charset ?? '',
    html: typeOf(node) === 'text/html',
  };
}

/**
 * Pure: decodes a part's bytes, or their first n bytes. The cut of a partial FETCH may fall
 * inside a base64 quantum, a quoted-printable escape (RFC 2045 §6.7, §6.8) or a multi-byte
 * character, so each is trimmed to its last complete unit first.
 */
export function decodeTextPart(raw: Uint8Array, part: TextPart): string {
  let bytes: Uint8Array;
  if (part.encoding === 'base64') {
    const base64 = Buffer.from(raw)
      .toString('latin1')
      .replace(/[^A-Za-z0-9+/=]/g, '');
    bytes = Buffer.from(base64.slice(0, base64.length - (base64.length % 4)), 'base64');
  } else if (part.encoding === 'quoted-printable') {
    bytes = decodeQuotedPrintable(
      Buffer.from(raw)
        .toString('latin1')
        .replace(/=[0-9A-Fa-f]?$/, ''),
    );
  } else {
    bytes = raw;
  }
  // the same charset decision as the reading pane (charset.ts decideBodyCharset)
  return withoutNul(
    decodeBodyText(bytes, part.charset, { html: part.html }).replace(/\uFFFD+$/, ''),
  );
}

const hexValue = (code: number) =>
  code >= 48 && code <= 57
    ? code - 48
    : code >= 65 && code <= 70
      ? code - 55
      : code >= 97 && code <= 102
        ? code - 87
        : -1;

/** RFC 2045 §6.7: =XX escapes, soft line breaks (= at line end) removed; a byte loop. */
function decodeQuotedPrintable(text: string): Uint8Array {
  const unfolded = text.replace(/=\r?\n/g, '');
  const bytes = Buffer.alloc(unfolded.length);
  let length = 0;
  for (let i = 0; i < unfolded.length; i++) {
    const code = unfolded.charCodeAt(i);
    if (code === 61 /* = */ && i + 2 < unfolded.length) {
      const high = hexValue(unfolded.charCodeAt(i + 1));
      const low = hexValue(unfolded.charCodeAt(i + 2));
      if (high >= 0 && low >= 0) {
        bytes[length++] = high * 16 + low;
        i += 2;
        continue;
      }
    }
    bytes[length++] = code & 0xff;
  }
  return bytes.subarray(0, length);
}

export interface TextPartTarget {
  uid: number;
  part: TextPart | null;
}

/**
 * Reads the first `maxBytes` of each message's text part in the selected mailbox, one
 * FETCH per distinct section; returns uid → decoded text (HTML stays markup). Messages
 * without a readable text part, or gone from the server, are absent.
 */
export async function fetchTextParts(
  client: ImapFlow,
  targets: readonly TextPartTarget[],
  maxBytes: number,
): Promise<Map<number, { part: TextPart; text: string }>> {
  const bySection = new Map<string, Map<number, TextPart>>();
  for (const { uid, part } of targets) {
    if (!part) continue;
    const group = bySection.get(part.section) ?? new Map<number, TextPart>();
    group.set(uid, part);
    bySection.set(part.section, group);
  }
  const found = new Map<number, { part: TextPart; text: string }>();
  for (const [section, group] of bySection) {
    const query = { uid: true, bodyParts: [{ key: section, start: 0, maxLength: maxBytes }] };
    for await (const message of client.fetch(compactUidSet(group.keys()), query, { uid: true })) {
      const part = group.get(message.uid);
      const bytes = message.bodyParts?.get(section);
      if (part && bytes) found.set(message.uid, { part, text: decodeTextPart(bytes, part) });
    }
  }
  return found;
}
