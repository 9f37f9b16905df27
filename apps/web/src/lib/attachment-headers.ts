/**
 * The response headers of an attachment download, whatever the sender wrote in its
 * Content-Type: header values must be Latin-1 (the Fetch standard's Headers refuse
 * anything else, which once made a download with `name="报告.txt"` in its type fail) and
 * must not let the browser run the file as a page of the product.
 */
import { attachmentDisposition } from './content-disposition';

/** Image types a browser renders as a picture and nothing else (no SVG: it may script). */
const INLINE_IMAGE_TYPES = new Set([
  'image/png',
  'image/gif',
  'image/jpeg',
  'image/webp',
  'image/bmp',
  'image/avif',
]);

// RFC 9110 §8.3.1: type "/" subtype, each a token (§5.6.2)
const MEDIA_TYPE = /^([!#$%&'*+.^_`|~0-9a-z-]+)\/([!#$%&'*+.^_`|~0-9a-z-]+)$/;

/**
 * Pure: the media type essence (`type/subtype`, lower case) of a sender's Content-Type,
 * its parameters dropped (a charset or name there is the sender's, not needed to save a
 * file); `application/octet-stream` for anything that is not a well-formed type.
 */
export function servedMediaType(senderType: string): string {
  const essence = (senderType.split(';')[0] ?? '').trim().toLowerCase();
  return MEDIA_TYPE.test(essence) ? essence : 'application/octet-stream';
}

/**
 * Pure: headers for serving one attachment. A raster image (INLINE_IMAGE_TYPES) is
 * served inline, so cid: images show in the mail; everything else as a download
 * (RFC 6266). Always nosniff (the type is never guessed up to HTML) and a sandbox CSP,
 * so even a file opened in its own tab cannot run script with the product's origin.
 * Every value is ASCII; never throws.
 */
export function attachmentHeaders(attachment: {
  filename: string;
  contentType: string;
}): Record<string, string> {
  const type = servedMediaType(attachment.contentType);
  const disposition = attachmentDisposition(attachment.filename);
  return {
    'Content-Type': type,
    'Content-Disposition': INLINE_IMAGE_TYPES.has(type)
      ? disposition.replace(/^attachment/, 'inline')
      : disposition,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, max-age=3600',
  };
}
