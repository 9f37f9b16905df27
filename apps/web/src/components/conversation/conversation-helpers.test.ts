import { describe, expect, it } from 'vitest';
import { initiallyExpanded } from './expanded-messages';
import { rowSenders } from './row-senders';

const bob = { name: 'Bob Lee', address: 'bob@163.test' };
const alice = { name: 'Alice', address: 'alice@qq.test' };
const nameless = { name: '', address: 'carol@qq.test' };
const wang = { name: '王小明', address: 'wang@qq.test' };

describe('rowSenders', () => {
  it('names a message’s sender in full', () => {
    expect(rowSenders({ from: bob })).toBe('Bob Lee');
    expect(rowSenders({ from: nameless })).toBe('carol@qq.test');
    expect(rowSenders({ from: null })).toBeNull();
  });

  it('names a conversation of one sender in full', () => {
    expect(rowSenders({ from: bob, participants: [bob] })).toBe('Bob Lee');
  });

  it('names several senders shortly, oldest first', () => {
    expect(rowSenders({ from: bob, participants: [bob, alice, nameless] })).toBe(
      'Bob, Alice, carol',
    );
    expect(rowSenders({ from: wang, participants: [wang, alice] })).toBe('王小明, Alice');
  });

  it('stops after three names', () => {
    const many = [bob, alice, nameless, wang];
    expect(rowSenders({ from: bob, participants: many })).toBe('Bob, Alice, carol …');
  });
});

describe('initiallyExpanded', () => {
  it('expands the newest message when all are read', () => {
    const messages = [
      { id: 'a', seen: true },
      { id: 'b', seen: true },
    ];
    expect([...initiallyExpanded(messages)]).toEqual(['b']);
  });

  it('expands every unread message and the newest', () => {
    const messages = [
      { id: 'a', seen: true },
      { id: 'b', seen: false },
      { id: 'c', seen: true },
    ];
    expect([...initiallyExpanded(messages)].sort()).toEqual(['b', 'c']);
  });

  it('expands nothing in an empty conversation', () => {
    expect(initiallyExpanded([]).size).toBe(0);
  });
});
