import { describe, expect, it } from 'vitest';
import { changedSinceLastPass } from './inbox-snapshot';

describe('changedSinceLastPass', () => {
  it('sees mail that arrived before watching began by the EXISTS count', () => {
    expect(
      changedSinceLastPass({ messages: 10, uidNext: null }, { messages: 11, uidNext: null }),
    ).toBe(true);
  });

  it('sees an expunge plus a delivery (same count) by UIDNEXT where the server has it', () => {
    expect(changedSinceLastPass({ messages: 10, uidNext: 41 }, { messages: 10, uidNext: 42 })).toBe(
      true,
    );
  });

  it('waits when nothing changed', () => {
    expect(changedSinceLastPass({ messages: 10, uidNext: 41 }, { messages: 10, uidNext: 41 })).toBe(
      false,
    );
  });

  it('never counts an unknown value as a change (no UIDNEXT at NetEase, a folder never observed)', () => {
    expect(
      changedSinceLastPass({ messages: null, uidNext: null }, { messages: 3, uidNext: 9 }),
    ).toBe(false);
    expect(changedSinceLastPass({ messages: 3, uidNext: 9 }, { messages: 3, uidNext: null })).toBe(
      false,
    );
  });
});
