/**
 * Decodes header values ourselves where the libraries cannot: raw 8-bit bytes (decoded by
 * imapflow and postal-mime as UTF-8, which turns GBK into U+FFFD) and RFC 2047 encoded
 * words in gb2312/gbk that are really GB18030.
 */
import iconv from 'iconv-lite';
import { declaredCharsets, decodeBytes, decodeRawHeader, normalizeCharset } from './charset';
import { withoutNul } from './without-nul';

/** RFC 2047 §2: =?charset?encoding?encoded-text?= (charset may carry an RFC 2231 *language). */
const ENCODED_WORD = /=\?([^?\s]+?)(?:\*[^?\s]*)?\?([bBqQ])\?([^?\s]*)\?=/g;

/**
 * The bytes of one word's encoded text. Raw 8-bit bytes inside a Q word (against RFC 2047
 * §5, which some mailers ignore) reach this function already decoded by readRawHeaders;
 * they go back to bytes in the word's own charset, so they decode with the rest of it.
 */
function wordBytes(encoding: string, text: string, charset: string): Buffer {
  if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64');
  // RFC 2047 §4.2: "_" is a space, =XX a byte.
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === '_') bytes.push(0x20);
    else if (char === '=' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else {
      const point = String.fromCodePoint(text.codePointAt(i) ?? 0xfffd);
      bytes.push(...encodeIn(point, charset));
      i += point.length - 1;
    }
  }
  return Buffer.from(bytes);
}

/** The text's bytes in `charset` where iconv-lite can encode it, else UTF-8. */
function encodeIn(text: string, charset: string): Buffer {
  const label = normalizeCharset(charset);
  return iconv.encodingExists(label) ? iconv.encode(text, label) : Buffer.from(text, 'utf8');
}

/**
 * Decodes every encoded word. Adjacent words in the same charset are joined as bytes
 * before decoding, because some mailers split one GBK character across two words; the
 * whitespace between adjacent encoded words is dropped (RFC 2047 §6.2).
 */
export function decodeEncodedWords(value: string): string {
  let result = '';
  let cursor = 0;
  let pending: { charset: string; bytes: Buffer[] } | null = null;
  const flush = () => {
    if (pending) result += decodeBytes(Buffer.concat(pending.bytes), pending.charset);
    pending = null;
  };
  for (const match of value.matchAll(ENCODED_WORD)) {
    const [whole, charset = 'utf-8', encoding = 'B', text = ''] = match;
    const between = value.slice(cursor, match.index);
    if (
      !pending ||
      between.trim() !== '' ||
      pending.charset.toLowerCase() !== charset.toLowerCase()
    ) {
      flush();
      result += between;
      pending = { charset, bytes: [] };
    }
    pending.bytes.push(wordBytes(encoding, text, charset));
    cursor = match.index + whole.length;
  }
  flush();
  return withoutNul(result + value.slice(cursor));
}

/**
 * The top-level header block of a message (or a HEADER.FIELDS answer) as name → values,
 * unfolded (RFC 5322 §2.2.3), raw bytes decoded with the GB18030 fallback. Encoded words
 * are left in place so address lists can be split before names are decoded. Names are
 * lower-case.
 */
export function readRawHeaders(raw: Uint8Array): Map<string, string[]> {
  const buffer = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  let end = buffer.indexOf('\r\n\r\n');
  if (end < 0) end = buffer.indexOf('\n\n');
  const block = end < 0 ? buffer : buffer.subarray(0, end);
  const headers = new Map<string, string[]>();
  const lines: Buffer[] = [];
  let start = 0;
  while (start < block.length) {
    let lineEnd = block.indexOf(0x0a, start);
    if (lineEnd < 0) lineEnd = block.length;
    const line = block.subarray(
      start,
      lineEnd > start && block[lineEnd - 1] === 0x0d ? lineEnd - 1 : lineEnd,
    );
    const previous = lines.at(-1);
    if ((line[0] === 0x20 || line[0] === 0x09) && previous) {
      lines[lines.length - 1] = Buffer.concat([previous, line]);
    } else if (line.length > 0) lines.push(line);
    start = lineEnd + 1;
  }
  // raw 8-bit bytes are read with the charsets the message declares first (charset.ts)
  const declared = declaredCharsets(block);
  for (const line of lines) {
    const colon = line.indexOf(0x3a);
    if (colon <= 0) continue;
    const name = line.subarray(0, colon).toString('latin1').trim().toLowerCase();
    const value = decodeRawHeader(line.subarray(colon + 1), declared).trim();
    const values = headers.get(name) ?? [];
    values.push(value);
    headers.set(name, values);
  }
  return headers;
}

/**
 * RFC 5322 §3.6.4 msg-id list (References, In-Reply-To) as relays and old clients really
 * send it: RFC 2047-encoded by a relay (against §2.2 of RFC 2047, which forbids encoded
 * words there), with comments (Emacs adds "(message from … on …)"), folded anywhere, or
 * without angle brackets (RFC 822's "phrase / msg-id" and bare ids). Returns `<id>` forms.
 */
export function parseMessageIds(value: string | undefined): string[] {
  if (!value) return [];
  let text = value.includes('=?') ? decodeEncodedWords(value) : value;
  // comments may nest (RFC 5322 §3.2.2); strip innermost first
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\([^()]*\)/g, ' ');
  }
  const bracketed = [...text.matchAll(/<\s*([^<>\s]+)\s*>/g)].map((match) => `<${match[1]}>`);
  if (bracketed.length > 0) return bracketed;
  return [...text.matchAll(/[^\s<>"',;]+@[^\s<>"',;]+/g)].map((match) => `<${match[0]}>`);
}
