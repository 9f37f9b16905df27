import { describe, expect, it } from 'vitest';
import { readWorkerEnv } from './env';

describe('readWorkerEnv', () => {
  it('leaves the poll interval to the provider presets unless YOUJIAN_POLL_INTERVAL_MS is set', () => {
    expect(readWorkerEnv({ DATABASE_URL: 'postgres://x/y' }).pollIntervalMs).toBeUndefined();
    expect(
      readWorkerEnv({ DATABASE_URL: 'postgres://x/y', YOUJIAN_POLL_INTERVAL_MS: '2500' })
        .pollIntervalMs,
    ).toBe(2_500);
  });

  it('treats an empty variable as unset', () => {
    expect(
      readWorkerEnv({ DATABASE_URL: 'postgres://x/y', YOUJIAN_POLL_INTERVAL_MS: '' })
        .pollIntervalMs,
    ).toBeUndefined();
  });

  it('leaves the flag resync interval to the engine unless YOUJIAN_FLAG_RESYNC_INTERVAL_MS is set', () => {
    expect(readWorkerEnv({ DATABASE_URL: 'postgres://x/y' }).fullResyncIntervalMs).toBeUndefined();
    expect(
      readWorkerEnv({ DATABASE_URL: 'postgres://x/y', YOUJIAN_FLAG_RESYNC_INTERVAL_MS: '5000' })
        .fullResyncIntervalMs,
    ).toBe(5_000);
  });

  it('refuses to start without DATABASE_URL', () => {
    expect(() => readWorkerEnv({})).toThrow(/DATABASE_URL/);
  });

  it('refuses a poll interval that is not a number', () => {
    expect(() =>
      readWorkerEnv({ DATABASE_URL: 'postgres://x/y', YOUJIAN_POLL_INTERVAL_MS: 'soon' }),
    ).toThrow();
  });
});
