import { describe, expect, it } from 'vitest';
import { checkTimeZone } from './search-conditions';

describe('checkTimeZone', () => {
  it('accepts an IANA zone, also again from its memory of checked zones', () => {
    expect(checkTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(checkTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
  });

  it('refuses a name that is no zone every time it is given', () => {
    for (let i = 0; i < 2; i++) {
      expect(() => checkTimeZone('Mars/Olympus')).toThrow(/not a time zone/);
    }
  });
});
