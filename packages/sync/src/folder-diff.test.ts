import { describe, expect, it } from 'vitest';
import { diffFolderWindow, normalizeFlags, uidRanges, windowBelow } from './folder-diff';

describe('diffFolderWindow', () => {
  it('reports messages gone from the server as expunged', () => {
    const diff = diffFolderWindow(
      [
        { uid: 1, flags: [] },
        { uid: 2, flags: [] },
        { uid: 3, flags: [] },
      ],
      [
        { uid: 1, flags: [] },
        { uid: 3, flags: [] },
      ],
    );
    expect(diff).toEqual({ expunged: [2], flagChanges: [], missing: [] });
  });

  it('reports flags changed by another client, ignoring order and \\Recent', () => {
    const diff = diffFolderWindow(
      [
        { uid: 1, flags: ['\\Flagged', '\\Seen'] },
        { uid: 2, flags: [] },
      ],
      [
        { uid: 1, flags: ['\\Seen', '\\Recent', '\\Flagged'] },
        { uid: 2, flags: ['\\Seen'] },
      ],
    );
    expect(diff.flagChanges).toEqual([{ uid: 2, flags: ['\\Seen'] }]);
  });

  it('replaces a row whose UID now names another message (same UID, other RFC822.SIZE)', () => {
    const diff = diffFolderWindow(
      [
        { uid: 1, flags: [], size: 1200 },
        { uid: 2, flags: ['\\Seen'], size: 800 },
      ],
      [
        { uid: 1, flags: [], size: 1200 },
        { uid: 2, flags: ['\\Seen'], size: 5400 },
      ],
    );
    expect(diff).toEqual({ expunged: [2], flagChanges: [], missing: [2] });
  });

  it('skips the identity check where a size is unknown, and for UIDs with queued changes', () => {
    const diff = diffFolderWindow(
      [
        { uid: 1, flags: [], size: 0 },
        { uid: 2, flags: [], size: 900 },
        { uid: 3, flags: [], size: 700 },
      ],
      [
        { uid: 1, flags: [], size: 1200 },
        { uid: 2, flags: [], size: null },
        { uid: 3, flags: [], size: 9999 },
      ],
      new Set([3]),
    );
    expect(diff).toEqual({ expunged: [], flagChanges: [], missing: [] });
  });

  it('keeps the local flags of messages with queued changes', () => {
    const diff = diffFolderWindow(
      [{ uid: 5, flags: ['\\Seen'] }],
      [{ uid: 5, flags: [] }],
      new Set([5]),
    );
    expect(diff.flagChanges).toEqual([]);
  });

  it('reports server messages absent from the mirror as missing', () => {
    const diff = diffFolderWindow(
      [{ uid: 1, flags: [] }],
      [
        { uid: 4, flags: [] },
        { uid: 1, flags: [] },
        { uid: 2, flags: [] },
      ],
    );
    expect(diff.missing).toEqual([2, 4]);
  });

  it('does not fetch back a message whose move out of the folder is still queued', () => {
    const diff = diffFolderWindow(
      [{ uid: 1, flags: [] }],
      [
        { uid: 1, flags: [] },
        { uid: 2, flags: [] },
      ],
      new Set([2]),
    );
    expect(diff.missing).toEqual([]);
  });
});

describe('normalizeFlags', () => {
  it('sorts, deduplicates and drops the session flag \\Recent', () => {
    expect(normalizeFlags(['\\Seen', '\\Recent', '$Label1', '\\Seen'])).toEqual([
      '$Label1',
      '\\Seen',
    ]);
  });
});

describe('uidRanges', () => {
  it('covers 1..max in touching ranges, newest first', () => {
    expect(uidRanges([2, 5, 9, 10, 30], 2)).toEqual([
      [11, 30],
      [6, 10],
      [1, 5],
    ]);
  });

  it('returns nothing for an empty folder', () => {
    expect(uidRanges([], 100)).toEqual([]);
  });
});

describe('windowBelow', () => {
  it('returns the newest window below the top UID', () => {
    expect(windowBelow(2500, 1000)).toEqual([1501, 2500]);
  });

  it('stops at UID 1', () => {
    expect(windowBelow(300, 1000)).toEqual([1, 300]);
    expect(windowBelow(0, 1000)).toBeNull();
  });
});
