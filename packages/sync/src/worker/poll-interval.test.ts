import { describe, expect, it } from 'vitest';
import { DEFAULT_POLL_INTERVAL_MS, inboxPollIntervalMs } from './poll-interval';

describe('inboxPollIntervalMs', () => {
  it('asks a NetEase INBOX for changes about every 10 s, as its preset says', () => {
    for (const provider of ['163', '126', 'yeah']) {
      expect(inboxPollIntervalMs(provider)).toBe(10_000);
    }
  });

  it('lets YOUJIAN_POLL_INTERVAL_MS win over the preset', () => {
    expect(inboxPollIntervalMs('163', 500)).toBe(500);
    expect(inboxPollIntervalMs('custom', 2_500)).toBe(2_500);
  });

  it('polls once a minute where the preset says nothing (custom servers, QQ without IDLE)', () => {
    expect(inboxPollIntervalMs('custom')).toBe(DEFAULT_POLL_INTERVAL_MS);
    expect(inboxPollIntervalMs('qq')).toBe(DEFAULT_POLL_INTERVAL_MS);
    expect(DEFAULT_POLL_INTERVAL_MS).toBe(60_000);
  });

  it('treats a provider id it does not know like a custom server', () => {
    expect(inboxPollIntervalMs('gmail')).toBe(DEFAULT_POLL_INTERVAL_MS);
  });
});
