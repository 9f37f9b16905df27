import { describe, expect, it } from 'vitest';
import { appErrorMessage } from './app-error';

describe('appErrorMessage', () => {
  it('names the sentence for the server application code', () => {
    expect(appErrorMessage({ data: { appCode: 'AUTH_FAILED' } })).toEqual({ key: 'authFailed' });
    expect(appErrorMessage({ data: { appCode: 'ALREADY_LINKED' } })).toEqual({
      key: 'alreadyLinked',
    });
  });

  it('carries the wait of a limit', () => {
    expect(appErrorMessage({ data: { appCode: 'RATE_LIMITED', retryAfter: 120 } })).toEqual({
      key: 'rateLimited',
      wait: { unit: 'minutes', count: 2 },
    });
  });

  it('reads an expired session from the tRPC code alone', () => {
    expect(appErrorMessage({ data: { appCode: null, code: 'UNAUTHORIZED' } })).toEqual({
      key: 'unauthenticated',
    });
  });

  it('keeps the server sentence naming the field of invalid input', () => {
    const error = Object.assign(new Error('“bob@” is not an e-mail address.'), {
      data: { appCode: 'INVALID_INPUT' },
    });
    expect(appErrorMessage(error)).toEqual({
      key: 'invalidInput',
      detail: '“bob@” is not an e-mail address.',
    });
  });

  it('gives a generic sentence for anything else, never the server text', () => {
    expect(appErrorMessage(new Error('relation "x" does not exist'))).toEqual({ key: 'unknown' });
    expect(appErrorMessage({ data: { appCode: 'SOMETHING_NEW' } })).toEqual({ key: 'unknown' });
    expect(appErrorMessage(null)).toEqual({ key: 'unknown' });
  });
});
