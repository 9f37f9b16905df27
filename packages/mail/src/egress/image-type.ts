/**
 * Which raster image a body really is, by its first bytes (the signatures of the WHATWG
 * MIME Sniffing standard §6.1), so the image proxy never serves a sender's HTML or SVG
 * from the product's origin under an image label.
 */

export type RasterImageType =
  | 'image/png'
  | 'image/gif'
  | 'image/jpeg'
  | 'image/webp'
  | 'image/bmp'
  | 'image/x-icon'
  | 'image/avif';

const ascii = (bytes: Uint8Array, from: number, text: string) =>
  [...text].every((char, offset) => bytes[from + offset] === char.charCodeAt(0));

/**
 * Pure: the image type whose signature starts `bytes`, or null for anything else — SVG
 * included, since an SVG opened on its own is a document that may run script.
 */
export function sniffRasterImage(bytes: Uint8Array): RasterImageType | null {
  if (bytes.length >= 8 && ascii(bytes, 0, '\x89PNG\r\n\x1a\n')) return 'image/png';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'image/gif';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBPVP')) return 'image/webp';
  if (ascii(bytes, 0, 'BM') && bytes.length >= 14) return 'image/bmp';
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 1 && bytes[3] === 0) return 'image/x-icon';
  if (ascii(bytes, 4, 'ftypavif') || ascii(bytes, 4, 'ftypavis')) return 'image/avif';
  return null;
}
