import {
  base64Lines,
  encodedWords,
  encodeText,
  rfc2231Parameter,
  type SeedCharset,
} from './mime-encoding';

/** One MIME entity: header lines and body, CRLF throughout (RFC 5322 §2.1). */
export interface MimePart {
  headers: string[];
  body: Buffer;
}

export type TransferEncoding = 'base64' | 'quoted-printable' | '8bit';

export function textPart(
  subtype: 'plain' | 'html',
  text: string,
  charset: SeedCharset | 'us-ascii',
  encoding: TransferEncoding,
): MimePart {
  const bytes = charset === 'us-ascii' ? Buffer.from(text, 'latin1') : encodeText(text, charset);
  const normalized = Buffer.from(bytes.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
  return {
    headers: [
      `Content-Type: text/${subtype}; charset="${charset}"`,
      `Content-Transfer-Encoding: ${charset === 'us-ascii' ? '7bit' : encoding}`,
    ],
    body: encodeBody(normalized, charset === 'us-ascii' ? '8bit' : encoding),
  };
}

function encodeBody(bytes: Buffer, encoding: TransferEncoding): Buffer {
  if (encoding === 'base64') return Buffer.from(base64Lines(bytes), 'latin1');
  if (encoding === 'quoted-printable') return Buffer.from(quotedPrintable(bytes), 'latin1');
  return bytes;
}

/** RFC 2045 §6.7: quoted-printable with soft breaks; CRLF pairs stay hard line breaks. */
function quotedPrintable(bytes: Buffer): string {
  let out = '';
  let lineLength = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i] ?? 0;
    if (byte === 0x0d && bytes[i + 1] === 0x0a) {
      out += '\r\n';
      lineLength = 0;
      i += 1;
      continue;
    }
    const literal = (byte >= 0x21 && byte <= 0x7e && byte !== 0x3d) || byte === 0x20;
    const token = literal
      ? String.fromCharCode(byte)
      : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    if (lineLength + token.length > 75) {
      out += '=\r\n';
      lineLength = 0;
    }
    out += token;
    lineLength += token.length;
  }
  return out;
}

/**
 * An attachment named the way Chinese mail clients do: RFC 2231 `filename*` for readers
 * that follow the standard, and an RFC 2047 `name` for those that do not.
 */
export function attachmentPart(
  filename: string,
  content: Buffer,
  contentType: string,
  charset: SeedCharset,
): MimePart {
  return {
    headers: [
      `Content-Type: ${contentType};\r\n name="${encodedWords(filename, charset)}"`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment;\r\n ${rfc2231Parameter('filename', filename, charset)}`,
    ],
    body: Buffer.from(base64Lines(content), 'latin1'),
  };
}

export function inlineImagePart(contentId: string, png: Buffer): MimePart {
  return {
    headers: [
      'Content-Type: image/png; name="logo.png"',
      'Content-Transfer-Encoding: base64',
      `Content-ID: <${contentId}>`,
      'Content-Disposition: inline; filename="logo.png"',
    ],
    body: Buffer.from(base64Lines(png), 'latin1'),
  };
}

export function multipart(
  subtype: 'mixed' | 'alternative' | 'related',
  boundary: string,
  parts: MimePart[],
): MimePart {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(
      Buffer.from(`--${boundary}\r\n`, 'latin1'),
      serializePart(part),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'latin1'));
  return {
    headers: [`Content-Type: multipart/${subtype};\r\n boundary="${boundary}"`],
    body: Buffer.concat(chunks),
  };
}

export function serializePart(part: MimePart): Buffer {
  return Buffer.concat([Buffer.from(`${part.headers.join('\r\n')}\r\n\r\n`, 'latin1'), part.body]);
}
