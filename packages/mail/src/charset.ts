/**
 * Chinese charsets as they occur in real mail: text labelled gb2312 or gbk is often GBK or
 * GB18030 (a superset of both), so those labels are decoded as GB18030. Headers that arrive
 * as raw 8-bit bytes (against RFC 5322 §2.2) are UTF-8 when valid, else GB18030.
 */
import iconv from 'iconv-lite';

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

/** The charset label to decode with: every GB family label becomes gb18030. */
export function normalizeCharset(label: string): string {
  const normalized = label.trim().toLowerCase().replace(/^"|"$/g, '');
  return GB_LABELS.has(normalized) ? 'gb18030' : normalized;
}

/** Decodes bytes in the given charset; unknown labels fall back to UTF-8. */
export function decodeBytes(bytes: Uint8Array, charset: string): string {
  const label = normalizeCharset(charset);
  if (iconv.encodingExists(label)) return iconv.decode(Buffer.from(bytes), label);
  return new TextDecoder('utf-8').decode(bytes);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Raw 8-bit header bytes: valid UTF-8 stays UTF-8, anything else is read as GB18030. */
export function decodeRawHeader(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), 'gb18030');
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
