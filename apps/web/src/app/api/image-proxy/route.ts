import { verifiedImageUrl } from '@youjian/api';
import { fetchRemoteImage } from '@youjian/mail';
import { services } from '../../../server/services';
import { sessionOf } from '../../../server/session';
import { ImageCache } from './image-cache';

/** Proxied images, by URL: a sender sees one fetch however often the mail is opened. */
const cache = new ImageCache({ maxEntries: 500, maxBytes: 64 * 1024 * 1024, ttlMs: 60 * 60_000 });

/** What the browser may do with a proxied image: show it as an image, nothing else. */
const IMAGE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Content-Disposition': 'inline',
  'Cache-Control': 'private, max-age=3600',
  'Referrer-Policy': 'no-referrer',
};

/**
 * GET /api/image-proxy?u=<image URL>&s=<signature>: a remote image of a mail the signed-in
 * reader chose to show, fetched by the service through the egress guard (no cookies, no
 * Referer, no reader address reach the sender), raster images only, 5 MiB at most.
 * 401 without a session, 403 for a signature not made for this reader (not an open
 * proxy), 502 when the image cannot be served (refused address, not an image, too large).
 */
export async function GET(request: Request) {
  const session = await sessionOf(request.headers);
  if (!session) return new Response('Sign in first.', { status: 401 });
  const key = services().secretBox.deriveKey('image-proxy');
  const url = verifiedImageUrl({
    key,
    userId: session.user.id,
    search: new URL(request.url).searchParams,
  });
  if (url === null) return new Response('Not an image of your mail.', { status: 403 });

  const cached = cache.get(url);
  const result = cached ? { ok: true as const, ...cached } : await fetchRemoteImage(url);
  if (!result.ok) {
    console.warn(`image proxy: ${result.reason}`);
    return new Response('Image unavailable.', { status: 502, headers: IMAGE_HEADERS });
  }
  if (!cached) cache.set(url, { contentType: result.contentType, bytes: result.bytes });
  return new Response(new Uint8Array(result.bytes), {
    headers: { ...IMAGE_HEADERS, 'Content-Type': result.contentType },
  });
}

export const dynamic = 'force-dynamic';
