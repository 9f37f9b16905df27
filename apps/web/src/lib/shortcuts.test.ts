import { describe, expect, it } from 'vitest';
import { keyToken, matchShortcut, SHORTCUTS, shortcutHelp } from './shortcuts';

const press = (key: string, shiftKey = false) => ({
  key,
  shiftKey,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
});

describe('keyToken', () => {
  it('names a plain letter by itself and a shifted one as Shift+letter', () => {
    expect(keyToken(press('j'))).toBe('j');
    expect(keyToken(press('I', true))).toBe('Shift+I');
  });
  it('names symbols typed with Shift by the symbol', () => {
    expect(keyToken(press('#', true))).toBe('#');
    expect(keyToken(press('?', true))).toBe('?');
  });
  it('leaves keys held with Ctrl, Alt or Meta to the browser', () => {
    expect(keyToken({ ...press('r'), ctrlKey: true })).toBeNull();
    expect(keyToken({ ...press('f'), metaKey: true })).toBeNull();
  });
});

describe('matchShortcut', () => {
  it('finds a one-key shortcut', () => {
    expect(matchShortcut([], 'j').shortcut?.action).toBe('next');
    expect(matchShortcut([], 'Enter').shortcut?.action).toBe('open');
    expect(matchShortcut([], 'Shift+U').shortcut?.action).toBe('markUnread');
  });
  it('waits after g, then completes g i, g s and g d', () => {
    const first = matchShortcut([], 'g');
    expect(first).toEqual({ shortcut: null, pending: ['g'] });
    expect(matchShortcut(first.pending, 'i').shortcut?.action).toBe('goInbox');
    expect(matchShortcut(first.pending, 's').shortcut?.action).toBe('goSent');
    expect(matchShortcut(first.pending, 'd').shortcut?.action).toBe('goDrafts');
  });
  it('starts over from the new key when the sequence goes nowhere', () => {
    expect(matchShortcut(['g'], 'j').shortcut?.action).toBe('next');
    expect(matchShortcut(['g'], 'z')).toEqual({ shortcut: null, pending: [] });
  });
  it('ignores keys it does not know', () => {
    expect(matchShortcut([], 'q')).toEqual({ shortcut: null, pending: [] });
  });
});

describe('the table', () => {
  it('gives every key sequence one action', () => {
    const sequences = SHORTCUTS.map((shortcut) => shortcut.keys.join(' '));
    expect(new Set(sequences).size).toBe(sequences.length);
  });
  it('lists each action once in the help, with all its keys', () => {
    const open = shortcutHelp().filter((entry) => entry.action === 'open');
    expect(open).toHaveLength(1);
    expect(open[0]?.keys).toEqual([['o'], ['Enter']]);
  });
  it('covers the keys people know from Gmail', () => {
    const keys = new Set(SHORTCUTS.map((shortcut) => shortcut.keys.join(' ')));
    for (const key of [
      'j',
      'k',
      'o',
      'Enter',
      'u',
      'x',
      's',
      'e',
      '#',
      '!',
      'r',
      'a',
      'f',
      'c',
      '/',
      'Shift+I',
      'Shift+U',
      'g i',
      'g s',
      'g d',
      'Escape',
      '?',
    ]) {
      expect(keys).toContain(key);
    }
  });
});
