import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { imageProxyUrl, verifiedImageUrl } from './image-proxy-url';

const key = crypto.randomBytes(32);
const url = 'https://t.example/pixel.gif?id=1&x=2';
const searchOf = (proxyUrl: string) => new URL(proxyUrl, 'http://localhost').searchParams;

describe('image proxy URLs', () => {
  it('lets the reader it was signed for fetch the image URL', () => {
    const proxied = imageProxyUrl({ key, userId: 'u1', url });
    expect(proxied.startsWith('/api/image-proxy?')).toBe(true);
    expect(verifiedImageUrl({ key, userId: 'u1', search: searchOf(proxied) })).toBe(url);
  });

  it('refuses another user, another URL, another key and a missing signature', () => {
    const proxied = imageProxyUrl({ key, userId: 'u1', url });
    expect(verifiedImageUrl({ key, userId: 'u2', search: searchOf(proxied) })).toBeNull();
    const forged = searchOf(proxied);
    forged.set('u', 'http://169.254.169.254/latest/meta-data/');
    expect(verifiedImageUrl({ key, userId: 'u1', search: forged })).toBeNull();
    expect(
      verifiedImageUrl({ key: crypto.randomBytes(32), userId: 'u1', search: searchOf(proxied) }),
    ).toBeNull();
    expect(
      verifiedImageUrl({ key, userId: 'u1', search: new URLSearchParams({ u: url }) }),
    ).toBeNull();
  });
});
