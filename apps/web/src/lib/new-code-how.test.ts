import { describe, expect, it } from 'vitest';
import { newCodeHowKey } from './new-code-how';

describe('newCodeHowKey', () => {
  it("names QQ's steps, NetEase's for its three domains, and an app password otherwise", () => {
    expect(newCodeHowKey('qq')).toBe('newCodeHowQq');
    expect(['163', '126', 'yeah'].map(newCodeHowKey)).toEqual([
      'newCodeHow163',
      'newCodeHow163',
      'newCodeHow163',
    ]);
    expect(newCodeHowKey('custom')).toBe('newCodeHowOther');
    expect(newCodeHowKey('toString')).toBe('newCodeHowOther');
  });
});
