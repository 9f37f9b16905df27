import { describe, expect, it } from 'vitest';
import { keyTargets, type TargetRow } from './key-targets';

const rows: TargetRow[] = [
  { id: 'a', accountId: 'qq', flagged: true },
  { id: 'b', accountId: '163', flagged: false },
  { id: 'c', accountId: 'qq', messageIds: ['c1', 'c2'], flagged: true },
];

describe('keyTargets', () => {
  it('acts on the ticked rows, grouped per mailbox, conversations as their messages', () => {
    const targets = keyTargets({
      rows,
      ticked: new Set(['a', 'b', 'c']),
      currentId: 'a',
      openId: 'a',
    });
    expect(targets).toEqual({
      kind: 'rows',
      byAccount: new Map([
        ['qq', ['a', 'c1', 'c2']],
        ['163', ['b']],
      ]),
      allFlagged: false,
    });
  });

  it('with nothing ticked acts on the open message when the current row is the open one', () => {
    expect(keyTargets({ rows, ticked: new Set(), currentId: 'b', openId: 'b' })).toEqual({
      kind: 'open',
    });
    expect(keyTargets({ rows, ticked: new Set(), currentId: null, openId: 'b' })).toEqual({
      kind: 'open',
    });
  });

  it('with nothing ticked acts on the current row, open or not', () => {
    expect(keyTargets({ rows, ticked: new Set(), currentId: 'c', openId: 'a' })).toEqual({
      kind: 'rows',
      byAccount: new Map([['qq', ['c1', 'c2']]]),
      allFlagged: true,
    });
  });

  it('acts on nothing when there is no row and nothing open', () => {
    expect(keyTargets({ rows, ticked: new Set(), currentId: null, openId: null })).toEqual({
      kind: 'none',
    });
  });
});
