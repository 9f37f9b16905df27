import { describe, expect, it } from 'vitest';
import { ImageCache } from './image-cache';

const image = (size: number) => ({ contentType: 'image/png', bytes: Buffer.alloc(size) });

describe('ImageCache', () => {
  it('serves a cached image until it expires', () => {
    const cache = new ImageCache({ maxEntries: 10, maxBytes: 100, ttlMs: 1000 });
    cache.set('a', image(10), 0);
    expect(cache.get('a', 999)?.bytes.length).toBe(10);
    expect(cache.get('a', 1000)).toBeUndefined();
  });

  it('evicts the least recently used when the byte budget is spent', () => {
    const cache = new ImageCache({ maxEntries: 10, maxBytes: 25, ttlMs: 1000 });
    cache.set('a', image(10), 0);
    cache.set('b', image(10), 0);
    cache.get('a', 1);
    cache.set('c', image(10), 2);
    expect(cache.get('b', 3)).toBeUndefined();
    expect(cache.get('a', 3)).toBeDefined();
    expect(cache.get('c', 3)).toBeDefined();
  });

  it('never keeps an image larger than the whole budget', () => {
    const cache = new ImageCache({ maxEntries: 10, maxBytes: 5, ttlMs: 1000 });
    cache.set('a', image(6), 0);
    expect(cache.get('a', 1)).toBeUndefined();
  });
});
