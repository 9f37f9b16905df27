import { describe, expect, it } from 'vitest';
import type { MessageIdentity } from './enqueue-imap-op';
import { type CurrentMessage, decideRenumberedOp } from './stale-uids';

const at = (minute: number) => new Date(Date.UTC(2025, 2, 4, 10, minute)).toISOString();
const identity = (uid: number, id: string | null, size = 100, minute = 0): MessageIdentity => ({
  uid,
  messageIdHeader: id,
  size,
  receivedAt: at(minute),
});
const now = (uid: number, id: string | null, size = 100, minute = 0): CurrentMessage => ({
  uid,
  messageIdHeader: id,
  size,
  receivedAt: at(minute),
});

describe('decideRenumberedOp (RFC 3501 §2.3.1.1: a new UIDVALIDITY invalidates every UID)', () => {
  it('follows each message to its new UID by Message-ID, not to whatever has its old UID', () => {
    const decision = decideRenumberedOp(
      [1, 3],
      [identity(1, '<m1@x>'), identity(3, '<m3@x>')],
      [now(1, '<m2@x>'), now(2, '<m1@x>'), now(3, '<m4@x>'), now(4, '<m3@x>')],
    );
    expect(decision).toEqual({
      type: 'reapply',
      uidMap: new Map([
        [1, 2],
        [3, 4],
      ]),
      dropped: [],
    });
  });

  it('drops the op when its message is no longer in the folder', () => {
    expect(decideRenumberedOp([1], [identity(1, '<gone@x>')], [now(1, '<m2@x>')])).toEqual({
      type: 'drop',
      dropped: [1],
    });
  });

  it('keeps the messages it finds and drops the ones it does not', () => {
    const decision = decideRenumberedOp(
      [5, 6],
      [identity(5, '<here@x>'), identity(6, '<gone@x>')],
      [now(1, '<here@x>')],
    );
    expect(decision).toEqual({ type: 'reapply', uidMap: new Map([[5, 1]]), dropped: [6] });
  });

  it('does not take a message with the same Message-ID but another size for the same one', () => {
    const decision = decideRenumberedOp([1], [identity(1, '<m@x>', 100)], [now(7, '<m@x>', 250)]);
    expect(decision.type).toBe('drop');
  });

  it('picks, among duplicates of equal size, the one with the same INTERNALDATE', () => {
    const decision = decideRenumberedOp(
      [9],
      [identity(9, '<dup@x>', 100, 30)],
      [now(1, '<dup@x>', 100, 10), now(2, '<dup@x>', 100, 30)],
    );
    expect(decision).toEqual({ type: 'reapply', uidMap: new Map([[9, 2]]), dropped: [] });
  });

  it('gives each of two indistinguishable copies its own new UID, in their old order', () => {
    const decision = decideRenumberedOp(
      [4, 8],
      [identity(4, '<dup@x>'), identity(8, '<dup@x>')],
      [now(2, '<dup@x>'), now(1, '<dup@x>')],
    );
    expect(decision).toEqual({
      type: 'reapply',
      uidMap: new Map([
        [4, 1],
        [8, 2],
      ]),
      dropped: [],
    });
  });

  it('never guesses for a message without a Message-ID', () => {
    expect(decideRenumberedOp([1], [identity(1, null)], [now(1, null)]).type).toBe('drop');
  });

  it('drops an op queued before identities travelled with it', () => {
    expect(decideRenumberedOp([1, 2], undefined, [now(1, '<m1@x>')])).toEqual({
      type: 'drop',
      dropped: [1, 2],
    });
  });
});
