import { describe, expect, it } from 'vitest';
import {
  clickSelection,
  idsBetween,
  isSelected,
  NOTHING_SELECTED,
  selectedCount,
} from './selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const ids = (selection: ReturnType<typeof clickSelection>) =>
  selection.kind === 'some' ? [...selection.ids].sort() : 'all';

describe('idsBetween', () => {
  it('gives the range in list order whichever end comes first', () => {
    expect(idsBetween(order, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(idsBetween(order, 'd', 'b')).toEqual(['b', 'c', 'd']);
  });
  it('is empty when an end has left the list', () => {
    expect(idsBetween(order, 'z', 'b')).toEqual([]);
  });
});

describe('clickSelection', () => {
  it('ticks one row and makes it the anchor', () => {
    const one = clickSelection(NOTHING_SELECTED, order, 'b', false);
    expect(ids(one)).toEqual(['b']);
    expect(one.kind === 'some' && one.anchor).toBe('b');
  });
  it('ticks the range from the anchor with Shift', () => {
    const one = clickSelection(NOTHING_SELECTED, order, 'b', false);
    expect(ids(clickSelection(one, order, 'e', true))).toEqual(['b', 'c', 'd', 'e']);
  });
  it('ticks upwards too', () => {
    const one = clickSelection(NOTHING_SELECTED, order, 'd', false);
    expect(ids(clickSelection(one, order, 'a', true))).toEqual(['a', 'b', 'c', 'd']);
  });
  it('unticks a range when the Shift-clicked row was ticked', () => {
    let selection = clickSelection(NOTHING_SELECTED, order, 'a', false);
    selection = clickSelection(selection, order, 'e', true);
    selection = clickSelection(selection, order, 'c', false);
    expect(ids(clickSelection(selection, order, 'e', true))).toEqual(['a', 'b']);
  });
  it('with Shift but no anchor ticks just the row', () => {
    expect(ids(clickSelection(NOTHING_SELECTED, order, 'c', true))).toEqual(['c']);
  });
  it('leaving "all" by unticking one keeps the other loaded rows', () => {
    expect(ids(clickSelection({ kind: 'all' }, order, 'c', false))).toEqual(['a', 'b', 'd', 'e']);
  });
});

describe('isSelected and selectedCount', () => {
  it('counts ids, and leaves the count of all to the server', () => {
    expect(selectedCount(clickSelection(NOTHING_SELECTED, order, 'a', false))).toBe(1);
    expect(selectedCount({ kind: 'all' })).toBeNull();
    expect(isSelected({ kind: 'all' }, 'zzz')).toBe(true);
  });
});
