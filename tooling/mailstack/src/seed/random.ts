/** A small seeded PRNG (mulberry32): the same seed always yields the same mailbox. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** uniform in [0, 1) */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** integer in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /**
   * `length` bytes of noise (attachment content): a slice of one shared pool at a random
   * offset. Deterministic, and cheap enough for 50,000-message mailboxes.
   */
  bytes(length: number): Buffer {
    const pool = noisePool();
    if (length > pool.length) throw new Error(`at most ${pool.length} bytes of noise`);
    const offset = this.int(0, pool.length - length);
    return pool.subarray(offset, offset + length);
  }
}

let pool: Buffer | undefined;

function noisePool(): Buffer {
  if (!pool) {
    const random = new SeededRandom(0x5eed);
    const words = new Uint32Array(256 * 1024);
    for (let i = 0; i < words.length; i += 1) words[i] = Math.floor(random.next() * 4294967296);
    pool = Buffer.from(words.buffer);
  }
  return pool;
}

/** Mixes a mailbox seed and a message index into the seed of that one message. */
export function messageSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}
