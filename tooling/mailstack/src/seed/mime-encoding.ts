import iconv from 'iconv-lite';

/** Text in one of the charsets Chinese mail is labelled with (gb2312 labels carry GBK bytes). */
export type SeedCharset = 'UTF-8' | 'GBK' | 'GB2312' | 'GB18030';

export function encodeText(text: string, charset: SeedCharset): Buffer {
  if (charset === 'UTF-8') return Buffer.from(text, 'utf8');
  // gb2312-labelled mail in the wild is encoded as GBK; that is the point of this fixture
  return iconv.encode(text, charset === 'GB18030' ? 'gb18030' : 'gbk');
}

/** RFC 2045 §6.8: base64 in lines of 76 characters. */
export function base64Lines(data: Buffer): string {
  const encoded = data.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += 76) lines.push(encoded.slice(i, i + 76));
  return lines.join('\r\n');
}

/**
 * RFC 2047 encoded-words for a header value, split on character boundaries so that each
 * word stays under 75 characters (§2) and never cuts a multi-byte character (§5).
 */
export function encodedWords(
  text: string,
  charset: SeedCharset,
  encoding: 'B' | 'Q' = 'B',
): string {
  const characters = [...text];
  const perWord = encoding === 'B' ? 10 : 6;
  const words: string[] = [];
  for (let i = 0; i < characters.length; i += perWord) {
    const bytes = encodeText(characters.slice(i, i + perWord).join(''), charset);
    const payload = encoding === 'B' ? bytes.toString('base64') : qEncode(bytes);
    words.push(`=?${charset}?${encoding}?${payload}?=`);
  }
  return words.join('\r\n ');
}

function qEncode(bytes: Buffer): string {
  let out = '';
  for (const byte of bytes) {
    const plain =
      (byte >= 0x30 && byte <= 0x39) ||
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x61 && byte <= 0x7a);
    out += plain
      ? String.fromCharCode(byte)
      : byte === 0x20
        ? '_'
        : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** An address header value; non-ASCII display names become encoded-words. */
export function addressHeader(name: string, address: string, charset: SeedCharset): string {
  if (/^[\x20-\x7e]*$/.test(name)) return `"${name.replace(/["\\]/g, '')}" <${address}>`;
  return `${encodedWords(name, charset)} <${address}>`;
}

/** RFC 2231 §4: `filename*=UTF-8''…` percent-encoded. */
export function rfc2231Parameter(parameter: string, value: string, charset: SeedCharset): string {
  const encoded = [...encodeText(value, charset)]
    .map((byte) =>
      /[A-Za-z0-9.\-_]/.test(String.fromCharCode(byte)) && byte < 0x80
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
  return `${parameter}*=${charset}''${encoded}`;
}
