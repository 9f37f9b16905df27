import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import zhCN from '../../messages/zh-CN.json';
import { type AuthFailure, authErrorMessage } from './auth-error';
import { waitOf } from './wait';

/** The sentence as the form shows it, through the real catalogue. */
function sentence(
  error: AuthFailure,
  mode: Parameters<typeof authErrorMessage>[1],
  locale: 'en' | 'zh-CN' = 'en',
) {
  const messages = locale === 'en' ? en : zhCN;
  const t = createTranslator({ locale, messages, namespace: 'authErrors' });
  const units = createTranslator({ locale, messages, namespace: 'units' });
  const { key, wait } = authErrorMessage(error, mode);
  return t(key, { wait: wait ? units(wait.unit, { count: wait.count }) : '' });
}

describe('waitOf', () => {
  it.each([
    [1, 'seconds', 1],
    [42, 'seconds', 42],
    [60, 'minutes', 1],
    [61, 'minutes', 2],
    [900, 'minutes', 15],
    [3600, 'hours', 1],
    [86_000, 'hours', 24],
  ] as const)('%i s is %s %i', (seconds, unit, count) => {
    expect(waitOf(seconds)).toEqual({ unit, count });
  });
});

describe('authErrorMessage', () => {
  it('turns a limit into the wait in words, in both languages', () => {
    const limit = { status: 429, code: 'RATE_LIMITED', retryAfter: 840 };
    expect(sentence(limit, 'sign-in')).toBe('Too many attempts. Try again in 14 minutes.');
    expect(sentence(limit, 'sign-in', 'zh-CN')).toBe('尝试次数过多，请 14 分钟后再试。');
    expect(sentence({ status: 429, code: 'RATE_LIMITED', retryAfter: 1 }, 'sign-in')).toBe(
      'Too many attempts. Try again in 1 second.',
    );
  });

  it('says why a password was refused, without repeating the server text', () => {
    expect(sentence({ code: 'PASSWORD_TOO_COMMON', message: 'x' }, 'sign-up')).toMatch(
      /most common/,
    );
    expect(sentence({ code: 'PASSWORD_TOO_SHORT' }, 'sign-up')).toMatch(/12 characters/);
    expect(sentence({ code: 'PASSWORD_TOO_SHORT' }, 'sign-up', 'zh-CN')).toMatch(/12 个字符/);
  });

  it('says an existing account should sign in', () => {
    expect(authErrorMessage({ code: 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL' }, 'sign-up')).toEqual({
      key: 'userExists',
    });
  });

  it('asks to confirm the address first, and says a used or expired link is dead', () => {
    expect(sentence({ status: 403, code: 'EMAIL_NOT_VERIFIED' }, 'sign-in')).toMatch(/new link/);
    expect(sentence({ status: 403, code: 'EMAIL_NOT_VERIFIED' }, 'sign-in', 'zh-CN')).toMatch(
      /确认/,
    );
    expect(sentence({ status: 400, code: 'INVALID_TOKEN' }, 'reset')).toMatch(/expired/);
    expect(sentence({ status: 500 }, 'reset')).toBe('Saving the password failed. Try again.');
    expect(sentence({ status: 500 }, 'forgot', 'zh-CN')).toMatch(/发送失败/);
  });

  it('never shows an unknown server message', () => {
    expect(sentence({ status: 500, message: 'relation "user" does not exist' }, 'sign-in')).toBe(
      'Signing in failed. Try again.',
    );
  });
});
