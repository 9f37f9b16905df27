import { highlightParts } from './highlight';

/** Elements whose text is not shown as text: marking inside them would change the mail. */
const NOT_SHOWN = new Set(['STYLE', 'SCRIPT', 'TEMPLATE', 'TITLE', 'TEXTAREA', 'NOSCRIPT']);

/**
 * The reading pane's sanitized HTML with the search's terms wrapped in <mark>, for the
 * srcdoc of the sandboxed frame (mail-frame.ts). Only text nodes are touched — never
 * attributes, URLs or <style> — so no term can make markup.
 *
 * Why here, in the browser, and not on the server: the terms are the list's state (the
 * search box), so messages.get stays one cached answer per message whatever is searched;
 * and DOMParser is the browser's own HTML parser, building an inert document (no browsing
 * context: no script runs, no image loads). Parsing and serializing again can change
 * markup in corner cases (mutation XSS), which matters nothing here: the result goes into
 * the same `sandbox=""` frame with its CSP — no script can run and nothing remote can load
 * whatever the markup — and the sanitizer has already removed scripts and handlers.
 * Takes the sanitized HTML and the terms (highlightTerms); returns the HTML unchanged when
 * there is nothing to mark.
 */
export function highlightHtml(html: string, terms: readonly string[]): string {
  if (terms.length === 0 || html === '') return html;
  const document = new DOMParser().parseFromString(
    `<!doctype html><html><body>${html}`,
    'text/html',
  );
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement && NOT_SHOWN.has(node.parentElement.tagName)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  // collected first: replacing nodes while walking would move the walker
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  let marked = 0;
  for (const text of texts) {
    const parts = highlightParts(text.data, terms);
    if (!parts.some((part) => part.match)) continue;
    const pieces = parts.map((part) => {
      if (!part.match) return document.createTextNode(part.text);
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      return mark;
    });
    text.replaceWith(...pieces);
    marked += 1;
  }
  return marked === 0 ? html : document.body.innerHTML;
}
