/**
 * Builds raw messages byte by byte for the reading corpus, so a fixture can carry exactly
 * what real senders put on the wire: raw 8-bit header bytes, split encoded words, bodies in
 * GB18030, Big5, ISO-2022-JP or UTF-16. Lines are joined with CRLF (RFC 5322 §2.1).
 */
import iconv from 'iconv-lite';

export type Line = string | Buffer;

/** A message from header and body lines; strings are UTF-8, Buffers go in as they are. */
export function eml(lines: readonly Line[]): Buffer {
  const parts: Buffer[] = [];
  for (const line of lines) {
    parts.push(typeof line === 'string' ? Buffer.from(line, 'utf8') : line, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/** One header line whose value is raw bytes, e.g. `raw('Subject: ', gbk('…'))`. */
export function raw(name: string, value: Buffer): Buffer {
  return Buffer.concat([Buffer.from(name, 'latin1'), value]);
}

/** The text in a charset iconv-lite can encode (gb18030, big5, iso-8859-1, utf-16le, …). */
export function bytesOf(text: string, charset: string): Buffer {
  if (charset.toLowerCase() === 'iso-2022-jp') return iso2022jp(text);
  return iconv.encode(text, charset);
}

/**
 * ISO-2022-JP (RFC 1468) for kana and kanji text: JIS X 0208 code points are EUC-JP's
 * bytes with the high bit cleared, between ESC $ B and ESC ( B.
 */
function iso2022jp(text: string): Buffer {
  const out: number[] = [];
  let jis = false;
  for (const char of text) {
    const euc = iconv.encode(char, 'euc-jp');
    const wide = euc.length === 2 && (euc[0] ?? 0) >= 0xa1;
    if (wide && !jis) out.push(0x1b, 0x24, 0x42);
    if (!wide && jis) out.push(0x1b, 0x28, 0x42);
    jis = wide;
    for (const byte of euc) out.push(wide ? byte & 0x7f : byte);
  }
  if (jis) out.push(0x1b, 0x28, 0x42);
  return Buffer.from(out);
}

/** RFC 2047 B-encoded word of the text in `charset`. */
export function wordB(text: string, charset = 'UTF-8'): string {
  return `=?${charset}?B?${bytesOf(text, charset).toString('base64')}?=`;
}

/** RFC 2047 Q-encoded word, every non-alphanumeric byte escaped. */
export function wordQ(text: string, charset = 'UTF-8'): string {
  return `=?${charset}?Q?${qBytes(bytesOf(text, charset))}?=`;
}

function qBytes(bytes: Buffer): string {
  return [...bytes]
    .map((b) =>
      (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)
        ? String.fromCharCode(b)
        : `=${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

/**
 * The text split into two B-encoded words at byte `at` of its encoding — inside a
 * character when `at` falls there, as some mailers split long subjects. The second word
 * is base64 without padding when `unpadded`.
 */
export function splitWordsB(text: string, charset: string, at: number, unpadded = false): string[] {
  const bytes = bytesOf(text, charset);
  const second = bytes.subarray(at).toString('base64');
  return [
    `=?${charset}?B?${bytes.subarray(0, at).toString('base64')}?=`,
    `=?${charset}?B?${unpadded ? second.replace(/=+$/, '') : second}?=`,
  ];
}

/** The same split for Q-encoding. */
export function splitWordsQ(text: string, charset: string, at: number): string[] {
  const bytes = bytesOf(text, charset);
  return [
    `=?${charset}?Q?${qBytes(bytes.subarray(0, at))}?=`,
    `=?${charset}?Q?${qBytes(bytes.subarray(at))}?=`,
  ];
}

/** Base64 body lines (RFC 2045 §6.8: at most 76 characters each). */
export function base64Lines(bytes: Buffer): string[] {
  return bytes.toString('base64').match(/.{1,76}/g) ?? [];
}

/** RFC 2231 percent-encoding of bytes, e.g. for `filename*0*=`. */
export function percent(bytes: Buffer): string {
  return [...bytes].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** A 1×1 PNG, for inline images and image attachments. */
export const PIXEL_PNG = [
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmM',
  'IQAAAABJRU5ErkJggg==',
];

/**
 * The header lines every fixture carries besides its own From/To/Subject: Date, a
 * Message-ID `<id@domain>` (RFC 5322 §3.6.4) and MIME-Version.
 */
export function messageHead(id: string, date: string, domain = 'corpus.example.test'): string[] {
  return [`Date: ${date}`, `Message-ID: <${id}@${domain}>`, 'MIME-Version: 1.0'];
}
