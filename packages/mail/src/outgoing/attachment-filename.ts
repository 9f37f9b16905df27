/**
 * The Content-Disposition of an outgoing file part with a name every common client shows,
 * Chinese names included. nodemailer alone writes the name as RFC 2047 encoded words in
 * Content-Type's name= (what QQ Mail reads) but only RFC 2231 continuations
 * (filename*0*=…) in Content-Disposition, which Outlook and some Chinese web mail do not
 * join. So the header carries both forms, as Gmail itself sends them:
 * filename="=?UTF-8?B?…?=" (RFC 2047 words, read by QQ, 163 and Outlook) and
 * filename*=UTF-8''%E5… (RFC 2231 §4, preferred by RFC 6266 §4.3 where understood).
 */
import { encodeWords } from 'nodemailer/lib/mime-funcs';

/** RFC 5322 §2.1.1: a header line stays under 998 octets; leave room for the key. */
const MAX_LINE = 900;

/** RFC 2231 §7 attr-char: what may stay unescaped in an extended parameter value. */
function percentEncode(value: string): string {
  return Array.from(new TextEncoder().encode(value), (byte) => {
    const char = String.fromCharCode(byte);
    return /[A-Za-z0-9!#$&+.^_`|~-]/.test(char)
      ? char
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

/** A quoted-string (RFC 5322 §3.2.4) with backslash and quote escaped. */
function quoted(value: string): string {
  return `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

/**
 * RFC 2231 §3 and §4: `filename*=UTF-8''…` on one line, or numbered continuations
 * (`filename*0*=…; filename*1*=…`) when the escaped name would pass MAX_LINE.
 */
function extendedFilename(filename: string): string[] {
  const encoded = percentEncode(filename);
  if (encoded.length + 20 <= MAX_LINE) return [`filename*=UTF-8''${encoded}`];
  const sections: string[] = [];
  // cut between escapes, never inside one
  const pieces = encoded.match(/%[0-9A-F]{2}|[^%]/g) ?? [];
  let current = '';
  for (const piece of pieces) {
    if (current.length + piece.length > 60) {
      sections.push(current);
      current = '';
    }
    current += piece;
  }
  if (current) sections.push(current);
  return sections.map((section, i) => `filename*${i}*=${i === 0 ? "UTF-8''" : ''}${section}`);
}

/**
 * Pure: the folded value (after "Content-Disposition: ") for a part named `filename`.
 * An ASCII name is one plain filename= parameter (a token, or quoted); any other name gets
 * both the encoded-word and the RFC 2231 form. Control characters never reach the header.
 */
export function contentDispositionValue(
  filename: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const name = filename.replace(/[\x00-\x1f\x7f]/g, '').trim() || 'attachment';
  // RFC 2045 §5.1: a token goes as it is, other ASCII as a quoted-string
  if (/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return `${disposition}; filename=${name}`;
  if (/^[\x20-\x7e]+$/.test(name)) return `${disposition}; filename=${quoted(name)}`;
  // encoded words of at most 75 characters (RFC 2047 §2), one per folded line
  const words = encodeWords(name, 'B', 52, true).split(/\s+/);
  const lines = [`${disposition};`, ` filename=${quoted(words.join('\r\n '))};`];
  const extended = extendedFilename(name);
  extended.forEach((line, i) => {
    lines.push(` ${line}${i < extended.length - 1 ? ';' : ''}`);
  });
  return lines.join('\r\n');
}
