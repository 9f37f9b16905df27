/** The one-line preview shown in the message list: plain text, whitespace collapsed. */
import sanitizeHtml from 'sanitize-html';

const DEFAULT_LENGTH = 200;

/** The words of an HTML body, for previews and the search index. */
export function htmlToText(html: string): string {
  // Block-level ends become spaces so words from adjacent cells or paragraphs do not merge.
  const spaced = html.replace(
    /<\/?(p|div|br|tr|td|th|li|h[1-6]|table|blockquote)\b[^>]*>/gi,
    ' $& ',
  );
  return sanitizeHtml(spaced, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ['script', 'style', 'textarea', 'option', 'xmp', 'title', 'head', 'noscript'],
  })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function snippetOf(
  parsed: { html: string | null; text: string | null },
  maxLength = DEFAULT_LENGTH,
): string {
  const source = parsed.text?.trim() ? parsed.text : parsed.html ? htmlToText(parsed.html) : '';
  const collapsed = source.replace(/\s+/g, ' ').trim();
  const chars = Array.from(collapsed);
  if (chars.length <= maxLength) return collapsed;
  return `${chars
    .slice(0, maxLength - 1)
    .join('')
    .trimEnd()}…`;
}
