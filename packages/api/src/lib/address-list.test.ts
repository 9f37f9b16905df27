import { describe, expect, it } from 'vitest';
import { parseAddressList } from './address-list';

describe('parseAddressList', () => {
  it('reads bare addresses and display names with angle brackets', () => {
    expect(parseAddressList('bob@163.test, "Carol Q" <carol@qq.test>')).toEqual([
      { name: '', address: 'bob@163.test' },
      { name: 'Carol Q', address: 'carol@qq.test' },
    ]);
  });

  it('accepts full-width commas and semicolons as separators', () => {
    expect(
      parseAddressList('张三 <zhang@qq.test>；bob@163.test，dave@163.test').map((a) => a.address),
    ).toEqual(['zhang@qq.test', 'bob@163.test', 'dave@163.test']);
  });

  it('returns no recipients for empty input', () => {
    expect(parseAddressList('  ')).toEqual([]);
  });

  it('names the part that is not an address', () => {
    expect(() => parseAddressList('bob@163.test, not an address')).toThrow(
      '"not an address" is not an e-mail address.',
    );
  });
});
