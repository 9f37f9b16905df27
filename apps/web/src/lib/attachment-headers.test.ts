import { describe, expect, it } from 'vitest';
import { attachmentHeaders, servedMediaType } from './attachment-headers';

describe('attachmentHeaders', () => {
  it.each([
    ['a Chinese name parameter', 'text/plain; name="季度报告.txt"'],
    ['raw GBK bytes read as Latin-1 and beyond', 'application/pdf; name="\u00c4\u00ea\u5e74.pdf"'],
    ['an emoji subtype', 'image/😀'],
    ['a line break', 'text/html\r\nSet-Cookie: a=b'],
    ['a NUL', 'text/plain\0'],
    ['nothing at all', ''],
  ])('serves %s as headers a Response accepts', (_, contentType) => {
    const headers = attachmentHeaders({ filename: '报告.txt', contentType });
    expect(() => new Response('x', { headers })).not.toThrow();
    for (const value of Object.values(headers)) expect(value).toMatch(/^[\x20-\x7e]*$/);
  });

  it('keeps the type essence and drops the sender’s parameters', () => {
    expect(servedMediaType('Text/Plain; charset="gb2312"; name="报告.txt"')).toBe('text/plain');
    expect(servedMediaType('text/html\r\nSet-Cookie: a=b')).toBe('application/octet-stream');
    expect(servedMediaType('not a type')).toBe('application/octet-stream');
  });

  it('downloads HTML and SVG, never shows them as a page, and never lets the browser guess', () => {
    for (const contentType of ['text/html', 'image/svg+xml', 'application/xhtml+xml']) {
      const headers = attachmentHeaders({ filename: 'x', contentType });
      expect(headers['Content-Disposition']).toMatch(/^attachment;/);
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['Content-Security-Policy']).toContain('sandbox');
    }
  });

  it('shows raster images inline, for cid: images in the mail', () => {
    expect(attachmentHeaders({ filename: 'a.png', contentType: 'image/png' })).toMatchObject({
      'Content-Type': 'image/png',
      'Content-Disposition': expect.stringMatching(/^inline;/),
    });
  });
});
