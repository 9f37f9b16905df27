import { describe, expect, it } from 'vitest';
import { undoMoves } from './undo-moves';

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
