/**
 * What compose's HTML may carry out: the editor's own formatting (Tiptap's StarterKit
 * nodes and marks) and pasted images by cid: only. Whatever a paste or a hand-made request
 * adds beyond that (scripts, styles, remote images, event handlers) is dropped on the
 * server before the mail is queued.
 */
import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'hr',
  'a',
  'img',
];

/**
 * Pure: `html` with only ALLOWED_TAGS; links keep http(s)/mailto hrefs; images keep a `cid:` src (RFC 2392) and their alt text, nothing else.
 */
export function sanitizeOutgoingHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href'], img: ['src', 'alt'], ol: ['start'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['cid'] },
    allowProtocolRelative: false,
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src?.startsWith('cid:'),
  });
}

/** Pure: the cid: references (RFC 2392, without the scheme) the HTML's images make. */
export function referencedContentIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const match of html.matchAll(/<img[^>]*\ssrc="cid:([^"]+)"/g)) {
    if (match[1]) ids.add(decodeURIComponent(match[1]));
  }
  return ids;
}

/** Pure: the document a text/html part carries: UTF-8 declared, the body as given. */
export function htmlDocument(body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`;
}
