import { describe, expect, it } from 'vitest';
import { problemOf } from './problem';

describe('problemOf', () => {
  it('gives the code, its parameters and the server reply apart', () => {
    expect(
      problemOf({
        lastError: 'The SMTP server smtp.qq.com:465 rejected a recipient (550 User unknown).',
        lastErrorCode: 'RECIPIENT_REJECTED',
        lastErrorParams: { protocol: 'smtp', serverReply: '550 User unknown' },
      }),
    ).toEqual({
      code: 'RECIPIENT_REJECTED',
      params: { protocol: 'smtp' },
      detail: '550 User unknown',
    });
  });

  it('never gives the text of an UNKNOWN problem (it may be SQL or a stack)', () => {
    expect(
      problemOf({
        lastError: 'relation "outgoing_mail" does not exist',
        lastErrorCode: 'UNKNOWN',
        lastErrorParams: {},
      }),
    ).toEqual({ code: 'UNKNOWN', params: {}, detail: null });
  });

  it('gives a row written before codes its text as the detail', () => {
    expect(
      problemOf({ lastError: '550 no such user', lastErrorCode: null, lastErrorParams: null }),
    ).toEqual({ code: null, params: {}, detail: '550 no such user' });
  });

  it('is null without a problem', () => {
    expect(problemOf({ lastError: null, lastErrorCode: null, lastErrorParams: null })).toBeNull();
  });
});
