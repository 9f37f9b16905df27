import { describe, expect, it } from 'vitest';
import { addChips, formatChip, joinChips, parseChips } from './address-chips';

describe('parseChips', () => {
  it('splits a typed list with names, quotes and Chinese separators', () => {
    expect(parseChips('爱丽丝 <alice@qq.test>，bob@163.test; "Wang, Fang" <f@x.cn>')).toEqual([
      { name: '爱丽丝', address: 'alice@qq.test', valid: true },
      { name: '', address: 'bob@163.test', valid: true },
      { name: 'Wang, Fang', address: 'f@x.cn', valid: true },
    ]);
  });

  it('flags what is not an address', () => {
    expect(parseChips('not an address')).toEqual([
      { name: '', address: 'not an address', valid: false },
    ]);
    expect(parseChips('bob@')[0]?.valid).toBe(false);
    expect(parseChips('bob@localhost')[0]?.valid).toBe(false);
    expect(parseChips('张三@例子.中国')[0]?.valid).toBe(true);
  });

  it('gives nothing for blank text', () => {
    expect(parseChips(' , ')).toEqual([]);
  });
});

describe('formatting chips', () => {
  it('writes names plainly or quoted and joins with commas', () => {
    expect(formatChip({ name: 'Wang, Fang', address: 'f@x.cn' })).toBe('"Wang, Fang" <f@x.cn>');
    expect(
      joinChips([
        { name: '爱丽丝', address: 'alice@qq.test', valid: true },
        { name: '', address: 'bob@163.test', valid: true },
      ]),
    ).toBe('爱丽丝 <alice@qq.test>, bob@163.test');
  });

  it('does not add an address twice', () => {
    const first = parseChips('bob@163.test');
    expect(addChips(first, parseChips('BOB@163.test, carol@qq.test'))).toHaveLength(2);
  });
});
