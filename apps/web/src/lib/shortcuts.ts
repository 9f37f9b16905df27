/**
 * Every keyboard shortcut of the mail view, in one table: the key handler looks actions up
 * here and the `?` overlay renders this same table, so the help cannot disagree with what
 * the keys do. Keys follow Gmail's, which most people who use shortcuts already know.
 */

export type ShortcutScope = 'list' | 'message' | 'anywhere';

export type ShortcutAction =
  | 'next'
  | 'previous'
  | 'open'
  | 'backToList'
  | 'toggleSelect'
  | 'star'
  | 'archive'
  | 'delete'
  | 'spam'
  | 'reply'
  | 'replyAll'
  | 'forward'
  | 'compose'
  | 'search'
  | 'markRead'
  | 'markUnread'
  | 'goInbox'
  | 'goSent'
  | 'goDrafts'
  | 'escape'
  | 'help';

export interface Shortcut {
  /** the keys pressed one after another, as keyToken names them (`g` then `i` is two) */
  keys: readonly string[];
  action: ShortcutAction;
  scope: ShortcutScope;
  /** its words in the catalogues, under `shortcuts.` (messages/en.json, zh-CN.json) */
  description: `actions.${ShortcutAction}`;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['j'], action: 'next', scope: 'list', description: 'actions.next' },
  { keys: ['k'], action: 'previous', scope: 'list', description: 'actions.previous' },
  { keys: ['o'], action: 'open', scope: 'list', description: 'actions.open' },
  { keys: ['Enter'], action: 'open', scope: 'list', description: 'actions.open' },
  { keys: ['u'], action: 'backToList', scope: 'message', description: 'actions.backToList' },
  { keys: ['x'], action: 'toggleSelect', scope: 'list', description: 'actions.toggleSelect' },
  { keys: ['s'], action: 'star', scope: 'message', description: 'actions.star' },
  { keys: ['e'], action: 'archive', scope: 'message', description: 'actions.archive' },
  { keys: ['#'], action: 'delete', scope: 'message', description: 'actions.delete' },
  { keys: ['!'], action: 'spam', scope: 'message', description: 'actions.spam' },
  { keys: ['r'], action: 'reply', scope: 'message', description: 'actions.reply' },
  { keys: ['a'], action: 'replyAll', scope: 'message', description: 'actions.replyAll' },
  { keys: ['f'], action: 'forward', scope: 'message', description: 'actions.forward' },
  { keys: ['Shift+I'], action: 'markRead', scope: 'message', description: 'actions.markRead' },
  { keys: ['Shift+U'], action: 'markUnread', scope: 'message', description: 'actions.markUnread' },
  { keys: ['c'], action: 'compose', scope: 'anywhere', description: 'actions.compose' },
  { keys: ['/'], action: 'search', scope: 'anywhere', description: 'actions.search' },
  { keys: ['g', 'i'], action: 'goInbox', scope: 'anywhere', description: 'actions.goInbox' },
  { keys: ['g', 's'], action: 'goSent', scope: 'anywhere', description: 'actions.goSent' },
  { keys: ['g', 'd'], action: 'goDrafts', scope: 'anywhere', description: 'actions.goDrafts' },
  { keys: ['Escape'], action: 'escape', scope: 'anywhere', description: 'actions.escape' },
  { keys: ['?'], action: 'help', scope: 'anywhere', description: 'actions.help' },
];

/**
 * A key press as the table names it: a letter typed with Shift is `Shift+I`; a symbol that
 * needs Shift on some layouts (`#`, `!`, `?`) is itself; keys with Ctrl, Alt or Meta are the
 * browser's or the system's and give null.
 */
export function keyToken(event: {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}): string | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (/^[a-z]$/i.test(event.key)) {
    return event.shiftKey ? `Shift+${event.key.toUpperCase()}` : event.key.toLowerCase();
  }
  return event.key;
}

export interface ShortcutMatch {
  /** the shortcut the keys complete, if any */
  shortcut: Shortcut | null;
  /** keys pressed so far that begin a longer shortcut (`g` waiting for `i`) */
  pending: string[];
}

const startsWith = (keys: readonly string[], prefix: readonly string[]) =>
  prefix.every((key, index) => keys[index] === key);

/**
 * Looks up the key just pressed after the pending ones. A sequence that no shortcut
 * continues starts over from this key alone, so a stray `g` never swallows the next key.
 */
export function matchShortcut(
  pending: readonly string[],
  token: string,
  table: readonly Shortcut[] = SHORTCUTS,
): ShortcutMatch {
  for (const keys of [[...pending, token], [token]]) {
    const exact = table.find(
      (shortcut) => shortcut.keys.length === keys.length && startsWith(shortcut.keys, keys),
    );
    if (exact) return { shortcut: exact, pending: [] };
    if (
      table.some(
        (shortcut) => shortcut.keys.length > keys.length && startsWith(shortcut.keys, keys),
      )
    ) {
      return { shortcut: null, pending: keys };
    }
    if (pending.length === 0) break;
  }
  return { shortcut: null, pending: [] };
}

export interface ShortcutHelp {
  scope: ShortcutScope;
  action: ShortcutAction;
  keys: string[][];
  description: Shortcut['description'];
}

/** The table grouped for the overlay, one entry per action, its keys joined ("o / Enter"). */
export function shortcutHelp(table: readonly Shortcut[] = SHORTCUTS): ShortcutHelp[] {
  const byAction = new Map<ShortcutAction, ShortcutHelp>();
  for (const shortcut of table) {
    const entry = byAction.get(shortcut.action);
    if (entry) entry.keys.push([...shortcut.keys]);
    else byAction.set(shortcut.action, { ...shortcut, keys: [[...shortcut.keys]] });
  }
  return [...byAction.values()];
}
