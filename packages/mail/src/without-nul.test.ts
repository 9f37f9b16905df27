import { describe, expect, it } from 'vitest';
import { decodeEncodedWords } from './header-decode';
import { withoutNul } from './without-nul';

describe('withoutNul', () => {
  it('drops U+0000 and leaves other text alone', () => {
    expect(withoutNul('a\u0000b\u0000')).toBe('ab');
    expect(withoutNul('周报 \\u0000')).toBe('周报 \\u0000');
  });

  it('is applied to decoded header words, where a NUL can hide (=00)', () => {
    expect(decodeEncodedWords('=?utf-8?Q?Null=00byte?=')).toBe('Nullbyte');
  });
});
