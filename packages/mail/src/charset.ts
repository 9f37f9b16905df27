/**
 * Charsets as they occur in real mail, decided the same way for the list preview, the
 * reading pane and the search index (text-part.ts and parse-message.ts both call
 * decodeBodyText).
 *
 * Decoders: every label the WHATWG Encoding Standard names goes to the platform's
 * TextDecoder (Node's ICU implements the standard's decoders: Big5, EUC-KR, Shift_JIS,
 * ISO-2022-JP, UTF-16, the single-byte tables); UTF-7 (RFC 2152), which WHATWG leaves out,
 * and the few legacy labels TextDecoder lacks go to iconv-lite.
 *
 * Rules, with their sources:
 * - gb2312/gbk/cp936 labels are decoded as GB18030: Chinese mailers label GBK and GB18030
 *   bytes gb2312 (WHATWG Encoding §5.2 maps gb2312 to GBK; we go one step further, as
 *   GB18030 is a strict superset and only adds the four-byte sequences).
 * - us-ascii is a 7-bit charset (RFC 2046 §4.1.2; RFC 2045 §5.2 makes it the default),
 *   so a us-ascii label, or no label, on 8-bit bytes is no statement about them.
 * - For such bytes, as HTML's "determining the character encoding" (HTML Living Standard
 *   §13.2.3.2) does for a document without a transport charset: a byte order mark first,
 *   then (HTML only) the <meta> prescan of the first 1024 bytes, then the bytes themselves —
 *   valid UTF-8 is UTF-8 (the "UTF-8 detection" browsers and Thunderbird apply), else
 *   the message's other declared charsets (fallbackCharset below).
 * - fallbackCharset, for 8-bit bytes no label decides (such bodies, and raw header bytes,
 *   which RFC 5322 §2.2 forbids and RFC 6532 allows only as UTF-8): first a charset the
 *   message itself declares (a Content-Type charset, an encoded word's charset) that
 *   decodes the bytes without a replacement character; then GB18030 when the bytes have
 *   its shape (charset-detect.ts isGbShaped: this product's readers get GBK mail far more
 *   often than any other legacy charset); then a statistical detector (jschardet, see
 *   charset-detect.ts), as browsers run one for unlabelled pages (HTML §13.2.3.2 step 9,
 *   "implementation-defined or user-specified defaults", which Firefox fills with its
 *   detector); GB18030 when the detector names nothing that decodes cleanly.
 * - A MIME label naming a single-byte Latin charset (iso-8859-1, windows-1252) on bytes
 *   that are valid UTF-8 with non-ASCII sequences is a mislabel: such sequences are
 *   vanishingly rare in real Latin-1 text (Dürst, "The properties and promises of UTF-8",
 *   1997), so UTF-8 wins; Thunderbird and Gmail read these as UTF-8 too.
 * - Any other MIME label is believed over a <meta> (the MIME header is the transport layer,
 *   which HTML ranks above the document's own declaration).
 */
import iconv from 'iconv-lite';
import { detectCharset, isGbShaped } from './charset-detect';

const GB_LABELS = new Set([
  'gb2312',
  'gbk',
  'x-gbk',
  'gb18030',
  'cp936',
  'ms936',
  'windows-936',
  'euc-cn',
  'x-euc-cn',
  'csgb2312',
  'gb_2312-80',
  'chinese',
]);

/** Labels that say nothing about 8-bit bytes (RFC 2046 §4.1.2). */
const SEVEN_BIT_LABELS = new Set(['', 'us-ascii', 'ascii', 'ansi_x3.4-1968', 'us', 'iso646-us']);

/** Single-byte Latin labels that valid non-ASCII UTF-8 bytes overrule. */
const LATIN_LABELS = new Set([
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'l1',
  'windows-1252',
  'cp1252',
  'iso-8859-15',
  'iso8859-15',
]);

/** The charset label to decode with: every GB family label becomes gb18030. */
export function normalizeCharset(label: string): string {
  const normalized = label.trim().toLowerCase().replace(/^"|"$/g, '');
  return GB_LABELS.has(normalized) ? 'gb18030' : normalized;
}

function whatwgDecoder(label: string): { decode: (bytes: Uint8Array) => string } | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/**
 * Decodes bytes in the given charset (WHATWG decoders, UTF-7 and other legacy labels through
 * iconv-lite); unknown labels fall back to UTF-8.
 */
export function decodeBytes(bytes: Uint8Array, charset: string): string {
  const label = normalizeCharset(charset);
  // iconv-lite's gb18030 is the full table; WHATWG's GBK decoder would be the same here
  if (label === 'gb18030' || /^(unicode-1-1-)?utf-?7(-imap)?$/.test(label)) {
    return iconv.decode(Buffer.from(bytes), label.includes('7') ? 'utf7' : label);
  }
  const decoder = whatwgDecoder(label);
  if (decoder) return decoder.decode(bytes);
  if (iconv.encodingExists(label)) return iconv.decode(Buffer.from(bytes), label);
  return new TextDecoder('utf-8').decode(bytes);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether the bytes are valid UTF-8; a multi-byte sequence cut at the end is allowed. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function hasEightBit(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

/** RFC 2781 / Unicode §23.8: a byte order mark names its encoding. */
function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * HTML's prescan for a charset declaration (HTML Living Standard §13.2.3.2, simplified):
 * `<meta charset=…>` or `<meta http-equiv=Content-Type content="…; charset=…">` in the
 * first 1024 bytes. A declared UTF-16 means UTF-8 there, as in the standard.
 */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  for (const tag of head.matchAll(/<meta\b[^>]*>/gi)) {
    const found = /charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(tag[0]);
    if (!found?.[1]) continue;
    const label = found[1].toLowerCase();
    if (label.startsWith('utf-16')) return 'utf-8';
    if (whatwgDecoder(normalizeCharset(label)) || iconv.encodingExists(label)) return label;
  }
  return null;
}

export interface CharsetContext {
  /** the part is text/html: a <meta> declaration is consulted */
  html?: boolean;
  /** other charsets the message declares (other parts, encoded words), in order */
  declared?: readonly string[];
}

/**
 * Pure: the charset a text part's bytes are read with, given its MIME label (empty when
 * absent), by the rules at the top of this file.
 */
export function decideBodyCharset(
  bytes: Uint8Array,
  label: string | null | undefined,
  context: CharsetContext = {},
): string {
  const known = normalizeCharset(label ?? '');
  // an unknown label says no more about the bytes than a missing one
  const normalized = whatwgDecoder(known) || iconv.encodingExists(known) ? known : '';
  if (!hasEightBit(bytes)) {
    // 7-bit bytes: only stateful 7-bit charsets (ISO-2022-*, UTF-7) need their label
    return SEVEN_BIT_LABELS.has(normalized) ? 'utf-8' : normalized;
  }
  if (SEVEN_BIT_LABELS.has(normalized)) {
    return (
      bomCharset(bytes) ??
      (context.html ? metaCharset(bytes) : null) ??
      (isUtf8(bytes) ? 'utf-8' : null) ??
      fallbackCharset(bytes, context.declared ?? [])
    );
  }
  if (LATIN_LABELS.has(normalized) && isUtf8(bytes)) return 'utf-8';
  return normalized;
}

/**
 * The charset of 8-bit bytes that are not UTF-8 and that no label decides: a declared
 * charset other than US-ASCII/UTF-8 that decodes them cleanly, else GB18030 when they have
 * its shape, else what the detector finds, else GB18030 (rules at the top of this file).
 */
function fallbackCharset(bytes: Uint8Array, declared: readonly string[]): string {
  for (const label of declared) {
    const normalized = normalizeCharset(label);
    if (SEVEN_BIT_LABELS.has(normalized) || normalized === 'utf-8' || normalized === 'utf8') {
      continue;
    }
    if (!decodeBytes(bytes, normalized).includes('\uFFFD')) return normalized;
  }
  if (isGbShaped(bytes)) return 'gb18030';
  return normalizeCharset(detectCharset(bytes, decodeKnown) ?? 'gb18030');
}

/** The text in a charset this module has a decoder for, or null. */
function decodeKnown(bytes: Uint8Array, label: string): string | null {
  const normalized = normalizeCharset(label);
  return whatwgDecoder(normalized) || iconv.encodingExists(normalized)
    ? decodeBytes(bytes, normalized)
    : null;
}

/** Decodes a text part's bytes with the decided charset (see decideBodyCharset). */
export function decodeBodyText(
  bytes: Uint8Array,
  label: string | null | undefined,
  context: CharsetContext = {},
): string {
  return decodeBytes(bytes, decideBodyCharset(bytes, label, context));
}

/**
 * Pure: the charsets a message declares anywhere (Content-Type parameters, encoded words),
 * in order of appearance, lower-case — the evidence for 8-bit text that has no label.
 */
export function declaredCharsets(raw: Uint8Array): string[] {
  const text = Buffer.from(
    raw.buffer,
    raw.byteOffset,
    Math.min(raw.byteLength, 256 * 1024),
  ).toString('latin1');
  const found = new Set<string>();
  for (const match of text.matchAll(
    /charset\s*=\s*"?([A-Za-z0-9._:-]+)|=\?([A-Za-z0-9._:-]+)(?:\*[^?]*)?\?[bBqQ]\?/g,
  )) {
    const label = (match[1] ?? match[2] ?? '').toLowerCase();
    if (label) found.add(label);
  }
  return [...found];
}

/**
 * Raw 8-bit header bytes (against RFC 5322 §2.2; RFC 6532 allows UTF-8): valid UTF-8 stays
 * UTF-8, then the charsets the message itself declares (its Content-Type charset, its
 * encoded words), then GB18030 when the bytes have its shape, then the detector
 * (fallbackCharset).
 */
export function decodeRawHeader(bytes: Uint8Array, declared: readonly string[] = []): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return decodeBytes(bytes, fallbackCharset(bytes, declared));
  }
}

/**
 * Text that was decoded as latin1 (one char per byte) although the bytes were 8-bit:
 * recover the bytes and decode them properly. Leaves real Unicode text alone.
 */
export function repairLatin1Header(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: checking for the 8-bit range
  if (!/[\u0080-\u00ff]/.test(text) || /[^\u0000-\u00ff]/.test(text)) return text;
  return decodeRawHeader(Buffer.from(text, 'latin1'));
}

const MIME_GB_LABEL = /(charset\s*=\s*"?|=\?|\*=)(gb2312|gbk|x-gbk|cp936)(?=["'?;\s]|$)/gim;

/**
 * Relabels gb2312/gbk as gb18030 in MIME headers and encoded words, so a decoder that
 * honours labels literally (WHATWG TextDecoder's gbk lacks GB18030's four-byte sequences)
 * reads the text as GB18030. Works on bytes via latin1, so no byte changes meaning.
 */
export function relabelGbCharsets(raw: Uint8Array): Buffer {
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
  return Buffer.from(text.replace(MIME_GB_LABEL, '$1gb18030'), 'latin1');
}
