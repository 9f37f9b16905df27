import { describe, expect, it } from 'vitest';
import { proxyRemoteImages } from './remote-images';
import { sanitizeMailHtml } from './sanitize-html';

const toProxy = (url: string) => `/api/image-proxy?u=${encodeURIComponent(url)}`;
const allowed = (html: string) => sanitizeMailHtml(html, { allowRemoteImages: true }).html;

describe('proxyRemoteImages', () => {
  it('points img src, every srcset candidate and background at the proxy', () => {
    const html = proxyRemoteImages(
      allowed(
        '<img src="https://t.example/a.png" srcset="https://t.example/a2.png 2x, http://t.example/a3.png 300w"><table><tr><td background="https://t.example/bg.png">x</td></tr></table>',
      ),
      toProxy,
    );
    expect(html).toContain(`src="${toProxy('https://t.example/a.png')}"`);
    expect(html).toContain(
      `srcset="${toProxy('https://t.example/a2.png')} 2x, ${toProxy('http://t.example/a3.png')} 300w"`,
    );
    expect(html).toContain(`background="${toProxy('https://t.example/bg.png')}"`);
    expect(html).not.toMatch(/="https?:\/\/t\.example/);
  });

  it('leaves attachment and data: images alone and keeps links pointing at their site', () => {
    const input = allowed(
      '<img src="data:image/png;base64,iVBOR"><a href="https://example.org/">site</a>',
    );
    expect(proxyRemoteImages(input, toProxy)).toBe(input);
  });

  it('drops an image whose URL the signer refuses', () => {
    expect(
      proxyRemoteImages(allowed('<img src="https://t.example/a.png" alt="a">'), () => null),
    ).toBe('<img alt="a" />');
  });
});
