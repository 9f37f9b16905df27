/**
 * The text/plain alternative of a mail written in compose (RFC 2046 §5.1.4: the same
 * content, in the simplest form). html-to-text (the converter mailparser uses) is used
 * rather than a home-made walk of the tree: it already renders lists, links, quotes,
 * headings and tables as people write them in plain-text mail.
 */
import { convert } from 'html-to-text';

/**
 * Pure: `html` (compose's sanitized HTML) as plain text: paragraphs separated by a blank
 * line, `- ` bullets and ` 1. ` numbers (right-aligned) (nested lists indented), a link as `text <url>`
 * (just the URL when that is its text), quotes as `> ` lines (nested `> > `), headings as
 * their text, inline images (cid:) as `[image: name]`. No hard wrapping: the part is
 * base64, and a client wraps a paragraph to its own width.
 */
export function htmlToPlainText(html: string): string {
  return convert(html, {
    wordwrap: false,
    preserveNewlines: false,
    selectors: [
      {
        selector: 'a',
        options: { linkBrackets: ['<', '>'], hideLinkHrefIfSameAsText: true, ignoreHref: false },
      },
      { selector: 'img', format: 'inlineImage' },
      { selector: 'ul', options: { itemPrefix: '- ' } },
      // Tiptap wraps each list item's text in <p>: one item is one line, not a paragraph
      { selector: 'li > p', format: 'inline' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'blockquote', options: { trimEmptyLines: true } },
    ],
    formatters: {
      inlineImage: (elem, _walk, builder) => {
        const alt = String(elem.attribs?.alt ?? '').trim();
        builder.addInline(alt ? `[image: ${alt}]` : '[image]');
      },
    },
  })
    .replace(/[ \t]+$/gm, '')
    .trim();
}
