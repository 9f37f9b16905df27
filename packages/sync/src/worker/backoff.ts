/**
 * Exponential backoff with "full jitter": each delay is uniform in [base·2^n / 2, base·2^n],
 * capped, so many workers reconnecting after an outage spread out instead of arriving
 * together (and NetEase, which throttles frequent logins, is not hammered).
 */
export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  /** returns a number in [0, 1); injectable for tests */
  random?: () => number;
}

export class Backoff {
  private failures = 0;
  private readonly baseMs: number;
  private readonly maxMs: number;
  private readonly random: () => number;

  constructor(options: BackoffOptions = {}) {
    this.baseMs = options.baseMs ?? 1_000;
    this.maxMs = options.maxMs ?? 5 * 60_000;
    this.random = options.random ?? Math.random;
  }

  /** The delay before the next attempt; each call counts one more failure. */
  next(): number {
    const ceiling = Math.min(this.maxMs, this.baseMs * 2 ** Math.min(this.failures, 30));
    this.failures += 1;
    return Math.round(ceiling / 2 + (ceiling / 2) * this.random());
  }

  reset(): void {
    this.failures = 0;
  }

  get attempts(): number {
    return this.failures;
  }
}
