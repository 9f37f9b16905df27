/**
 * A raw message split for reading: its header fields (unfolded, RFC 5322 §2.2.3) in the
 * order they stand, and the rest. Takes the source as text; a source without the empty
 * line that ends the header block is all header.
 */
export function splitSource(source: string): {
  headers: Array<{ name: string; value: string }>;
  body: string;
} {
  const end = source.search(/\r?\n\r?\n/);
  const head = end === -1 ? source : source.slice(0, end);
  const body = end === -1 ? '' : source.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers: Array<{ name: string; value: string }> = [];
  for (const line of head.split(/\r?\n/)) {
    const last = headers[headers.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push({ name: line.slice(0, colon), value: line.slice(colon + 1).trim() });
  }
  return { headers, body };
}

/** How much of a source the page shows (bytes); the .eml download has all of it. */
export const SOURCE_SHOWN_BYTES = 1024 * 1024;
