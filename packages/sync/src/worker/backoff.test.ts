import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';

describe('Backoff', () => {
  it('doubles the ceiling after every failure', () => {
    const backoff = new Backoff({ baseMs: 100, maxMs: 10_000, random: () => 0.999999 });
    expect([backoff.next(), backoff.next(), backoff.next(), backoff.next()]).toEqual([
      100, 200, 400, 800,
    ]);
  });

  it('never waits less than half the ceiling (jitter floor)', () => {
    const backoff = new Backoff({ baseMs: 100, maxMs: 10_000, random: () => 0 });
    expect([backoff.next(), backoff.next(), backoff.next()]).toEqual([50, 100, 200]);
  });

  it('stops growing at the cap', () => {
    const backoff = new Backoff({ baseMs: 1_000, maxMs: 5_000, random: () => 0.999999 });
    const delays = Array.from({ length: 40 }, () => backoff.next());
    expect(Math.max(...delays)).toBe(5_000);
    expect(delays.at(-1)).toBe(5_000);
  });

  it('spreads delays of equal attempts apart with jitter', () => {
    const delays = [0.1, 0.5, 0.9].map((r) =>
      new Backoff({ baseMs: 1_000, random: () => r }).next(),
    );
    expect(new Set(delays).size).toBe(3);
  });

  it('starts over after a success', () => {
    const backoff = new Backoff({ baseMs: 100, random: () => 0.999999 });
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.attempts).toBe(0);
    expect(backoff.next()).toBe(100);
  });
});
