import { describe, expect, it } from 'vitest';
import { describeAuthError, describeWait } from './auth-error';

describe('describeWait', () => {
  it.each([
    [1, '1 second'],
    [42, '42 seconds'],
    [60, '1 minute'],
    [61, '2 minutes'],
    [900, '15 minutes'],
    [3600, '1 hour'],
    [86_000, '24 hours'],
  ])('%i s reads "%s"', (seconds, words) => {
    expect(describeWait(seconds)).toBe(words);
  });
});

describe('describeAuthError', () => {
  it('turns a limit into the wait in words', () => {
    expect(
      describeAuthError({ status: 429, code: 'RATE_LIMITED', retryAfter: 840 }, 'sign-in'),
    ).toBe('Too many attempts. Try again in 14 minutes.');
  });

  it('says why a password was refused, without repeating the server text', () => {
    expect(describeAuthError({ code: 'PASSWORD_TOO_COMMON', message: 'x' }, 'sign-up')).toMatch(
      /most common/,
    );
    expect(describeAuthError({ code: 'PASSWORD_TOO_SHORT' }, 'sign-up')).toMatch(/12 characters/);
  });

  it('never shows an unknown server message', () => {
    expect(
      describeAuthError({ status: 500, message: 'relation "user" does not exist' }, 'sign-in'),
    ).toBe('Signing in failed. Try again.');
  });
});
