/**
 * The rich editor's starting document, from the plain text a reply or forward is prefilled
 * with (messages.prepareReply: the attribution line and the original quoted with `>` per
 * RFC 3676 §4.5, or the forward's header block), and the mailbox's signature.
 */

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`,
  );
}

/** Paragraphs of unquoted lines: a blank line ends one, a single newline is a <br>. */
function paragraphs(lines: string[]): string {
  const blocks: string[][] = [[]];
  for (const line of lines) {
    if (line.trim() === '') blocks.push([]);
    else blocks[blocks.length - 1]?.push(escapeHtml(line));
  }
  return blocks
    .filter((block) => block.length > 0)
    .map((block) => `<p>${block.join('<br>')}</p>`)
    .join('');
}

/** The quote depth of a line (`> > x` and `>> x` are both 2) and the line without it. */
function unquote(line: string): { depth: number; rest: string } {
  const match = /^((?:>\s?)+)/.exec(line);
  if (!match) return { depth: 0, rest: line };
  const marks = match[1] ?? '';
  return { depth: (marks.match(/>/g) ?? []).length, rest: line.slice(marks.length) };
}

/** Lines at depth ≥ 1 as nested blockquotes, the plain runs between them as paragraphs. */
function blocksOf(lines: { depth: number; rest: string }[], level: number): string {
  let html = '';
  let at = 0;
  while (at < lines.length) {
    const start = at;
    if ((lines[at]?.depth ?? 0) > level) {
      while (at < lines.length && (lines[at]?.depth ?? 0) > level) at += 1;
      html += `<blockquote>${blocksOf(lines.slice(start, at), level + 1)}</blockquote>`;
    } else {
      while (at < lines.length && (lines[at]?.depth ?? 0) <= level) at += 1;
      html += paragraphs(lines.slice(start, at).map((line) => line.rest));
    }
  }
  return html;
}

/**
 * Pure: prefilled plain text as editor HTML — paragraphs, `>` lines as (nested)
 * blockquotes, everything escaped. Empty text gives an empty paragraph.
 */
export function textToEditorHtml(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map(unquote);
  return blocksOf(lines, 0) || '<p></p>';
}

/** Pure: a signature as editor HTML after the "-- " separator line (RFC 3676 §4.3). */
export function signatureHtml(signature: string): string {
  const text = signature.replace(/\s+$/, '');
  if (!text) return '';
  return `<p>-- <br>${text.split('\n').map(escapeHtml).join('<br>')}</p>`;
}

/**
 * Pure: the editor's first document: an empty paragraph to write in, the signature, then
 * the quoted original (a reply is written above the quote, as in QQ Mail, 163 and Gmail).
 */
export function initialEditorHtml(options: { prefillText?: string; signature?: string }): string {
  const quoted = options.prefillText?.trim() ? textToEditorHtml(options.prefillText) : '';
  return `<p></p>${signatureHtml(options.signature ?? '')}${quoted}`;
}
