/**
 * After the user chose "show images": every remote image of already sanitized mail HTML
 * is pointed at the product's image proxy, so the sender's server sees the proxy — not
 * the reader's address, cookies or Referer — and the frame's CSP can allow images from
 * the proxy alone.
 */
// the declaration travels with the module: the web app's type check compiles this file
// without packages/mail's other sources in its program
/// <reference path="./parse-srcset.d.ts" />
import parseSrcset from 'parse-srcset';
import sanitizeHtml from 'sanitize-html';

const REMOTE_URL = /^\s*https?:\/\//i;

/** Pure: a srcset (HTML §4.8.4.3) with each remote candidate's URL replaced; null when none is left. */
function proxiedSrcset(srcset: string, toProxyUrl: (url: string) => string | null): string | null {
  let candidates: ReturnType<typeof parseSrcset>;
  try {
    candidates = parseSrcset(srcset);
  } catch {
    return null;
  }
  const kept = candidates.flatMap((candidate) => {
    const url = REMOTE_URL.test(candidate.url) ? toProxyUrl(candidate.url.trim()) : null;
    if (url === null) return [];
    const descriptor =
      candidate.w !== undefined
        ? ` ${candidate.w}w`
        : candidate.d !== undefined
          ? ` ${candidate.d}x`
          : '';
    return [`${url}${descriptor}`];
  });
  return kept.length > 0 ? kept.join(', ') : null;
}

/**
 * Pure: rewrites `img src`, `img srcset` and the legacy `background` attribute of HTML
 * that sanitizeMailHtml produced with allowRemoteImages. `toProxyUrl` gets each absolute
 * http(s) URL and returns the proxy URL for it (null drops that image). Any other remote
 * reference cannot exist in sanitized mail: CSS url-bearing functions, frames, links to
 * stylesheets and the like are removed by the sanitizer. Returns the rewritten HTML.
 */
export function proxyRemoteImages(
  sanitizedHtml: string,
  toProxyUrl: (url: string) => string | null,
): string {
  const rewrite = (tagName: string, attribs: sanitizeHtml.Attributes) => {
    const next: sanitizeHtml.Attributes = { ...attribs };
    for (const name of ['src', 'background'] as const) {
      const value = next[name];
      if (value === undefined || !REMOTE_URL.test(value)) continue;
      const url = toProxyUrl(value.trim());
      if (url === null) delete next[name];
      else next[name] = url;
    }
    if (next.srcset !== undefined) {
      const srcset = proxiedSrcset(next.srcset, toProxyUrl);
      if (srcset === null) delete next.srcset;
      else next.srcset = srcset;
    }
    return { tagName, attribs: next };
  };
  // The input is the sanitizer's output: keep every tag and attribute it let through.
  return sanitizeHtml(sanitizedHtml, {
    allowedTags: false,
    allowedAttributes: false,
    allowedSchemes: ['http', 'https', 'mailto', 'tel', 'data'],
    transformTags: { '*': rewrite },
  });
}
