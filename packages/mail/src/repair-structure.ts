/**
 * Repairs of message structure that parsers disagree on, applied to the raw bytes before
 * the reading pane's parser (parse-message.ts) reads them — the list preview and the body
 * index fall back to that parser where the server's BODYSTRUCTURE finds no text, so all
 * three read the repaired message. Works on the bytes as latin1, so no byte changes
 * meaning. Each repair reads the message as Python's email package and Thunderbird do:
 *
 * - No blank line between the header and the body (RFC 5322 §2.1 requires one): the first
 *   line of the top-level header section that is neither a header field nor a folded
 *   continuation starts the body (Python: MissingHeaderBodySeparatorDefect).
 * - A nested multipart whose boundary never occurs in the message (RFC 2046 §5.1.1): its
 *   body is read as what it is — an entity of its own when it begins with header fields
 *   (a mailer that dropped the inner boundaries), else plain text. The top-level
 *   multipart is left alone: the pane says such a message cannot be read and offers the
 *   source (parse-message.ts).
 */

/** RFC 5322 §3.6.8 field name (printable ASCII but ":") followed by ":". */
const FIELD_LINE = /^[!-9;-~]+[ \t]*:/;

/** Pure: the message with the repairs above, or the same buffer when none applies. */
export function repairStructure(raw: Buffer): Buffer {
  const text = raw.toString('latin1');
  const repaired = repairNestedBoundaries(withHeaderEnd(text));
  return repaired === text ? raw : Buffer.from(repaired, 'latin1');
}

/** Inserts the missing empty line before the first line of the header that is body. */
function withHeaderEnd(text: string): string {
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end).replace(/\r$/, '');
    if (line === '') return text;
    const continuation = line[0] === ' ' || line[0] === '\t';
    if (!continuation && !FIELD_LINE.test(line)) {
      // the first line itself is no field: not a header at all, leave it to the parser
      return at === 0 ? text : `${text.slice(0, at)}\r\n${text.slice(at)}`;
    }
    if (end < 0) return text;
    at = end + 1;
  }
  return text;
}

/** A multipart Content-Type field with a plain boundary= parameter, folded or not. */
const MULTIPART_FIELD = /^Content-Type:[ \t]*multipart\/[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/gim;

function repairNestedBoundaries(text: string): string {
  const headerEnd = text.search(/\r?\n\r?\n/);
  if (headerEnd < 0) return text;
  let result = text;
  for (const field of [...text.matchAll(MULTIPART_FIELD)].reverse()) {
    const start = field.index ?? 0;
    if (start <= headerEnd) continue;
    const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(field[0])?.[1]?.trim();
    if (!boundary || text.includes(`--${boundary}`)) continue;
    const blank = /\r?\n\r?\n/.exec(result.slice(start));
    if (!blank) continue;
    const bodyStart = start + blank.index + blank[0].length;
    const bodyLine = result.slice(bodyStart, result.indexOf('\n', bodyStart));
    if (FIELD_LINE.test(bodyLine)) {
      // the part's other header fields, then the body's own: one entity
      const rest = result.slice(start + field[0].length, start + blank.index).replace(/^\r?\n/, '');
      result = result.slice(0, start) + (rest ? `${rest}\r\n` : '') + result.slice(bodyStart);
    } else {
      result = `${result.slice(0, start)}Content-Type: text/plain${result.slice(start + field[0].length)}`;
    }
  }
  return result;
}
