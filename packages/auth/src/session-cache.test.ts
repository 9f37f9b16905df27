import { describe, expect, it } from 'vitest';
import { createSessionCache } from './session-cache';

const HOUR = 3_600_000;

function setUp(options: { ttlMs?: number; maxEntries?: number } = {}) {
  let clock = 1_000_000;
  const cache = createSessionCache<{ session: { expiresAt: Date }; user: string }>({
    ttlMs: options.ttlMs ?? 10_000,
    maxEntries: options.maxEntries ?? 100,
    now: () => clock,
  });
  let loads = 0;
  const load = (user: string, expiresAt = new Date(clock + HOUR)) => {
    return async () => {
      loads += 1;
      return { session: { expiresAt }, user };
    };
  };
  return {
    cache,
    load,
    loads: () => loads,
    advance: (ms: number) => {
      clock += ms;
    },
    now: () => clock,
  };
}

describe('the session cache', () => {
  it('answers the same cookie from memory until the time to live has passed', async () => {
    const t = setUp({ ttlMs: 10_000 });
    await t.cache.read('a', t.load('ann'));
    t.advance(9_999);
    expect((await t.cache.read('a', t.load('ann')))?.user).toBe('ann');
    expect(t.loads()).toBe(1);
    t.advance(1);
    await t.cache.read('a', t.load('ann'));
    expect(t.loads()).toBe(2);
  });

  it('never keeps a session past its own expiry', async () => {
    const t = setUp({ ttlMs: 10_000 });
    await t.cache.read('a', t.load('ann', new Date(t.now() + 2_000)));
    t.advance(2_000);
    await t.cache.read('a', t.load('ann'));
    expect(t.loads()).toBe(2);
  });

  it('forgets every session at clear(), so a revoked one is read again', async () => {
    const t = setUp();
    await t.cache.read('a', t.load('ann'));
    await t.cache.read('b', t.load('bob'));
    t.cache.clear();
    expect(await t.cache.read('a', async () => null)).toBeNull();
    await t.cache.read('b', t.load('bob'));
    expect(t.loads()).toBe(3);
  });

  it('does not store an answer read before a clear() that happened meanwhile', async () => {
    const t = setUp();
    let finish: (value: { session: { expiresAt: Date }; user: string }) => void = () => {};
    const slow = t.cache.read(
      'a',
      () =>
        new Promise((resolve) => {
          finish = resolve;
        }),
    );
    t.cache.clear();
    finish({ session: { expiresAt: new Date(t.now() + HOUR) }, user: 'stale ann' });
    expect((await slow)?.user).toBe('stale ann');
    expect(await t.cache.read('a', async () => null)).toBeNull();
  });

  it('does not remember a missing session', async () => {
    const t = setUp();
    expect(await t.cache.read('a', async () => null)).toBeNull();
    expect((await t.cache.read('a', t.load('ann')))?.user).toBe('ann');
  });

  it('holds at most maxEntries, dropping the oldest', async () => {
    const t = setUp({ maxEntries: 2 });
    await t.cache.read('a', t.load('ann'));
    await t.cache.read('b', t.load('bob'));
    await t.cache.read('c', t.load('cy'));
    await t.cache.read('b', t.load('bob'));
    await t.cache.read('c', t.load('cy'));
    expect(t.loads()).toBe(3);
    await t.cache.read('a', t.load('ann'));
    expect(t.loads()).toBe(4);
  });
});
