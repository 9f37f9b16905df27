import { describe, expect, it } from 'vitest';
import { sniffRasterImage } from './image-type';

const bytes = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

describe('sniffRasterImage', () => {
  it.each([
    ['image/png', bytes('\x89PNG\r\n\x1a\n\0\0\0\rIHDR')],
    ['image/gif', bytes('GIF89a\x01\0\x01\0')],
    ['image/jpeg', Uint8Array.of(0xff, 0xd8, 0xff, 0xe0)],
    ['image/webp', bytes('RIFF\0\0\0\0WEBPVP8 ')],
    ['image/avif', bytes('\0\0\0\x1cftypavif')],
  ])('recognises %s by its signature', (type, body) => {
    expect(sniffRasterImage(body)).toBe(type);
  });

  it.each([
    ['SVG', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['HTML', '<!doctype html><script>alert(1)</script>'],
    ['JSON', '{"secret":1}'],
    ['empty', ''],
  ])('refuses %s whatever its label said', (_, text) => {
    expect(sniffRasterImage(bytes(text))).toBeNull();
  });
});
