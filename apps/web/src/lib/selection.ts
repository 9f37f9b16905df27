/**
 * The list's ticked messages. Either some ids, or "all": every message of the view or the
 * search, including pages not loaded yet, which only the server can enumerate.
 */
export type ListSelection =
  | { kind: 'some'; ids: ReadonlySet<string>; anchor: string | null }
  | { kind: 'all' };

export const NOTHING_SELECTED: ListSelection = { kind: 'some', ids: new Set(), anchor: null };

/** The ids from one to the other, in list order, both included; empty if either is missing. */
export function idsBetween(order: readonly string[], from: string, to: string): string[] {
  const start = order.indexOf(from);
  const end = order.indexOf(to);
  if (start < 0 || end < 0) return [];
  return order.slice(Math.min(start, end), Math.max(start, end) + 1);
}

/**
 * A click on a row's box: alone it ticks or unticks that row and makes it the anchor; with
 * Shift it gives the whole range from the anchor the clicked row's new state, as Gmail and
 * file managers do. Unticking one row of "all" keeps the other loaded rows ticked.
 */
export function clickSelection(
  selection: ListSelection,
  order: readonly string[],
  id: string,
  shiftKey: boolean,
): ListSelection {
  const ids = new Set(selection.kind === 'all' ? order : selection.ids);
  const anchor = selection.kind === 'all' ? null : selection.anchor;
  const tick = !ids.has(id);
  const range = shiftKey && anchor ? idsBetween(order, anchor, id) : [];
  for (const each of range.length > 0 ? range : [id]) {
    if (tick) ids.add(each);
    else ids.delete(each);
  }
  return { kind: 'some', ids, anchor: id };
}

export function isSelected(selection: ListSelection, id: string): boolean {
  return selection.kind === 'all' || selection.ids.has(id);
}

/** How many are ticked, when known (all of a view is counted by the server). */
export function selectedCount(selection: ListSelection): number | null {
  return selection.kind === 'all' ? null : selection.ids.size;
}
