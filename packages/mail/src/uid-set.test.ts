import { describe, expect, it } from 'vitest';
import { compactUidSet, normalizeUidRange } from './uid-set';

describe('compactUidSet', () => {
  it.each([
    [[], ''],
    [[7], '7'],
    [[1, 2, 3, 7, 9, 10], '1:3,7,9:10'],
    [[10, 9, 3, 1, 2, 7, 3], '1:3,7,9:10'],
    [[5, 6], '5:6'],
  ])('writes %j as %s', (uids, set) => {
    expect(compactUidSet(uids)).toBe(set);
  });

  it('keeps 60,000 consecutive UIDs one short argument', () => {
    const uids = Array.from({ length: 60_000 }, (_, i) => 60_000 - i);
    expect(compactUidSet(uids)).toBe('1:60000');
  });
});

describe('normalizeUidRange', () => {
  it.each([
    ['2000:1001', '1001:2000'],
    ['1001:2000', '1001:2000'],
    ['5,9:7,12:*', '5,7:9,12:*'],
    ['*:5', '*:5'],
    ['17', '17'],
  ])('writes %s as %s', (input, output) => {
    expect(normalizeUidRange(input)).toBe(output);
  });
});
