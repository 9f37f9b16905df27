/**
 * Signed image-proxy URLs: the reading pane's remote images point at
 * `/api/image-proxy?u=<url>&s=<signature>`, where the signature binds the image URL to
 * the signed-in reader, so the proxy is no open proxy — a URL copied to another account,
 * or an image URL someone made up, is refused.
 */
import crypto from 'node:crypto';

export const IMAGE_PROXY_PATH = '/api/image-proxy';

/** HMAC-SHA256 (RFC 2104) over the reader's id and the URL, base64url. */
function signature(key: Buffer, userId: string, url: string): string {
  return crypto.createHmac('sha256', key).update(`${userId}\0${url}`).digest('base64url');
}

/**
 * Pure: the proxy URL (path and query, same origin) for one remote image of a message
 * `userId` may read. `key` is the secret box's "image-proxy" key.
 */
export function imageProxyUrl(options: { key: Buffer; userId: string; url: string }): string {
  const query = new URLSearchParams({
    u: options.url,
    s: signature(options.key, options.userId, options.url),
  });
  return `${IMAGE_PROXY_PATH}?${query.toString()}`;
}

/**
 * Pure: the image URL a proxy request asks for, when its signature was made for
 * `userId`; null for a missing, malformed or foreign signature (constant-time compare).
 */
export function verifiedImageUrl(options: {
  key: Buffer;
  userId: string;
  search: URLSearchParams;
}): string | null {
  const url = options.search.get('u');
  const given = options.search.get('s');
  if (!url || !given) return null;
  const expected = Buffer.from(signature(options.key, options.userId, url));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !crypto.timingSafeEqual(actual, expected)) return null;
  return url;
}
