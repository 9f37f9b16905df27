/**
 * Small builders for the corpus's later case files: a text or HTML body in a charset and
 * transfer encoding, and the expected view of a message with one plain line of text.
 */
import { base64Lines, bytesOf, type Line, PIXEL_PNG } from './build-eml';
import type { ExpectedView } from './corpus-case';

/**
 * A single-part body: its Content-Type line (`type` with `charset` when given; none when
 * null), its transfer encoding and the text's bytes in `encodeAs` (defaults to the charset).
 */
export function body(
  type: 'text/plain' | 'text/html' | 'text',
  text: string,
  options: { charset?: string | null; encodeAs?: string; transfer?: 'base64' | '8bit' } = {},
): Line[] {
  const { charset = 'utf-8', transfer = 'base64' } = options;
  const bytes = bytesOf(text, options.encodeAs ?? charset ?? 'utf-8');
  return [
    `Content-Type: ${type}${charset === null ? '' : `; charset=${charset}`}`,
    `Content-Transfer-Encoding: ${transfer}`,
    '',
    ...(transfer === 'base64' ? base64Lines(bytes) : [bytes]),
  ];
}

/**
 * What a person sees of a message whose text is the one line `line`: the subject, the
 * sender, the line as snippet and first line, no attachments, and its own thread label.
 */
export function plainView(
  subject: string,
  from: { name: string; address: string },
  line: string,
  thread: string,
): ExpectedView {
  return {
    subject,
    fromName: from.name,
    fromAddress: from.address,
    snippet: line,
    firstLine: line,
    attachments: [],
    hasAttachments: false,
    thread,
  };
}

/** A multipart body (`multipart/<subtype>`) of the given parts, each a list of lines. */
export function multipart(subtype: string, boundary: string, parts: Line[][]): Line[] {
  return [
    `Content-Type: multipart/${subtype}; boundary="${boundary}"`,
    '',
    ...parts.flatMap((part) => [`--${boundary}`, ...part]),
    `--${boundary}--`,
  ];
}

/** A 1×1 PNG part with the given headers (Content-ID, Content-Disposition, name). */
export function pngPart(headers: string[]): Line[] {
  return [
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    ...headers,
    '',
    ...PIXEL_PNG,
  ];
}

/** A forwarded message: a message/rfc822 part around `inner` (its header and body lines). */
export function forwarded(inner: Line[], disposition = 'Content-Disposition: attachment'): Line[] {
  return ['Content-Type: message/rfc822', disposition, '', ...inner];
}
