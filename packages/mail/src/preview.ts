/**
 * The list preview ("snippet") without downloading bodies: BODYSTRUCTURE names the first
 * readable text part, and one partial FETCH per part section (RFC 3501 §6.4.5,
 * BODY.PEEK[<section>]<0.n>) reads its first bytes for a whole batch of messages.
 */
import type { ImapFlow, MessageStructureObject } from 'imapflow';
import { decodeBytes } from './charset';
import { snippetOf } from './snippet';

/** How much of the text part is read: enough for a ~200-character preview of most mail. */
export const PREVIEW_BYTES = 1536;

export interface PreviewPart {
  /** IMAP section number, e.g. "1" or "1.2"; "1" also for a single-part message */
  section: string;
  encoding: string;
  charset: string;
  html: boolean;
}

function textPartOf(
  node: MessageStructureObject,
  subtype: 'plain' | 'html',
): MessageStructureObject | null {
  const type = node.type.toLowerCase();
  if (node.childNodes?.length) {
    for (const child of node.childNodes) {
      const found = textPartOf(child, subtype);
      if (found) return found;
    }
    return null;
  }
  if (type !== `text/${subtype}` || node.disposition?.toLowerCase() === 'attachment') return null;
  return node;
}

/** Pure: the part a preview is read from — the first text/plain, else the first text/html. */
export function previewPartOf(structure: MessageStructureObject | undefined): PreviewPart | null {
  if (!structure) return null;
  const node = textPartOf(structure, 'plain') ?? textPartOf(structure, 'html');
  if (!node) return null;
  return {
    section: node.part ?? '1',
    encoding: (node.encoding ?? '7bit').toLowerCase(),
    charset: node.parameters?.charset ?? 'utf-8',
    html: node.type.toLowerCase() === 'text/html',
  };
}

/**
 * Pure: decodes the first bytes of a part. The cut may fall inside a base64 quantum, a
 * quoted-printable escape (RFC 2045 §6.7, §6.8) or a multi-byte character, so each is
 * trimmed to its last complete unit first.
 */
export function previewText(prefix: Uint8Array, part: PreviewPart, maxLength?: number): string {
  let bytes: Uint8Array;
  if (part.encoding === 'base64') {
    const base64 = Buffer.from(prefix)
      .toString('latin1')
      .replace(/[^A-Za-z0-9+/=]/g, '');
    bytes = Buffer.from(base64.slice(0, base64.length - (base64.length % 4)), 'base64');
  } else if (part.encoding === 'quoted-printable') {
    const text = Buffer.from(prefix)
      .toString('latin1')
      .replace(/=[0-9A-Fa-f]?$/, '');
    bytes = decodeQuotedPrintable(text);
  } else {
    bytes = prefix;
  }
  const decoded = decodeBytes(bytes, part.charset).replace(/\uFFFD+$/, '');
  // an HTML prefix may end inside a tag: drop the unfinished tag
  const text = part.html ? decoded.replace(/<[^>]*$/, '') : decoded;
  return snippetOf(part.html ? { html: text, text: null } : { html: null, text }, maxLength);
}

function decodeQuotedPrintable(text: string): Uint8Array {
  const unfolded = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < unfolded.length; i++) {
    const hex = unfolded[i] === '=' ? unfolded.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(unfolded.charCodeAt(i) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

/**
 * Reads previews for messages of the selected mailbox, one FETCH per distinct section.
 * Returns uid → preview; messages without a readable text part are absent.
 */
export async function fetchPreviews(
  client: ImapFlow,
  targets: readonly { uid: number; previewPart: PreviewPart | null }[],
): Promise<Map<number, string>> {
  const bySection = new Map<string, Map<number, PreviewPart>>();
  for (const { uid, previewPart } of targets) {
    if (!previewPart) continue;
    const group = bySection.get(previewPart.section) ?? new Map<number, PreviewPart>();
    group.set(uid, previewPart);
    bySection.set(previewPart.section, group);
  }
  const previews = new Map<number, string>();
  for (const [section, group] of bySection) {
    const query = { uid: true, bodyParts: [{ key: section, start: 0, maxLength: PREVIEW_BYTES }] };
    for await (const message of client.fetch([...group.keys()].join(','), query, { uid: true })) {
      const part = group.get(message.uid);
      const prefix = message.bodyParts?.get(section);
      if (part && prefix) previews.set(message.uid, previewText(prefix, part));
    }
  }
  return previews;
}
