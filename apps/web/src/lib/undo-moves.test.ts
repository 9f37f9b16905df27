import { describe, expect, it } from 'vitest';
import { undoBulkMoves, undoMoves } from './undo-moves';

describe('undoMoves', () => {
  it('moves every message back to its own folder, one move per folder', () => {
    const origins = new Map([
      ['m1', 'inbox'],
      ['m2', 'work'],
      ['m3', 'inbox'],
    ]);
    expect(undoMoves(origins)).toEqual([
      { toMailboxId: 'inbox', messageIds: ['m1', 'm3'] },
      { toMailboxId: 'work', messageIds: ['m2'] },
    ]);
  });

  it('leaves out a message whose folder is not known', () => {
    expect(
      undoMoves(
        new Map([
          ['m1', null],
          ['m2', 'inbox'],
        ]),
      ),
    ).toEqual([{ toMailboxId: 'inbox', messageIds: ['m2'] }]);
  });

  it('has nothing to undo for nothing', () => {
    expect(undoMoves(new Map())).toEqual([]);
  });
});

describe('undoBulkMoves', () => {
  it('moves back per mailbox and folder, in batches one move can take', () => {
    const origins = [
      { accountId: 'qq', id: 'a1', mailboxId: 'qq-inbox' },
      { accountId: '163', id: 'b1', mailboxId: '163-inbox' },
      { accountId: 'qq', id: 'a2', mailboxId: 'qq-inbox' },
      { accountId: 'qq', id: 'a3', mailboxId: 'qq-inbox' },
      { accountId: 'qq', id: 'a4', mailboxId: 'qq-work' },
    ];
    expect(undoBulkMoves(origins, 2)).toEqual([
      { accountId: 'qq', toMailboxId: 'qq-inbox', messageIds: ['a1', 'a2'] },
      { accountId: 'qq', toMailboxId: 'qq-inbox', messageIds: ['a3'] },
      { accountId: 'qq', toMailboxId: 'qq-work', messageIds: ['a4'] },
      { accountId: '163', toMailboxId: '163-inbox', messageIds: ['b1'] },
    ]);
  });

  it('has nothing to undo for nothing', () => {
    expect(undoBulkMoves([])).toEqual([]);
  });
});
