import { describe, expect, it } from 'vitest';
import { corpus } from './corpus';

describe('the reading corpus', () => {
  it('holds at least 100 messages the team composed, each with its own id', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    expect(new Set(corpus.map((c) => c.id)).size).toBe(corpus.length);
  });

  it('says for every message what a person must see of it', () => {
    for (const c of corpus) expect(Object.keys(c.expected).length, c.id).toBeGreaterThan(0);
  });
});
