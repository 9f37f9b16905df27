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
  // a body may be megabytes: collapse a head first, the whole only if that was mostly space
  const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
  let collapsed = collapse(source.slice(0, maxLength * 8));
  if (collapsed.length < maxLength && source.length > maxLength * 8) collapsed = collapse(source);
  const chars = Array.from(collapsed);
  if (chars.length <= maxLength) return collapsed;
  return `${chars
    .slice(0, maxLength - 1)
    .join('')
    .trimEnd()}…`;
}
