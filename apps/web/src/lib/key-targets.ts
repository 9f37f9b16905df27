/**
 * What a list key (x s e # ! Shift+I Shift+U) acts on, as in Gmail: the ticked rows when
 * any are ticked, else the open message when the keyboard's row is the open one (its own
 * buttons then do it, with their toasts), else the keyboard's current row.
 */

export interface TargetRow {
  id: string;
  accountId: string;
  /** a conversation row's messages in view; a message row is its own */
  messageIds?: string[];
  flagged: boolean;
}

export type KeyTargets =
  | { kind: 'none' }
  | { kind: 'open' }
  /** messages grouped per mailbox (each mailbox's actions are separate calls) */
  | { kind: 'rows'; byAccount: Map<string, string[]>; allFlagged: boolean };

/**
 * Takes the loaded rows, the ticked row ids, the keyboard's current row id and the open
 * message (or conversation) id; returns what the key acts on.
 */
export function keyTargets(options: {
  rows: readonly TargetRow[];
  ticked: ReadonlySet<string>;
  currentId: string | null;
  openId: string | null;
}): KeyTargets {
  const { rows, ticked, currentId, openId } = options;
  let chosen = rows.filter((row) => ticked.has(row.id));
  if (chosen.length === 0) {
    if (openId && (currentId === null || currentId === openId)) return { kind: 'open' };
    chosen = rows.filter((row) => row.id === currentId);
  }
  if (chosen.length === 0) return openId ? { kind: 'open' } : { kind: 'none' };
  const byAccount = new Map<string, string[]>();
  for (const row of chosen) {
    const ids = byAccount.get(row.accountId) ?? [];
    ids.push(...(row.messageIds ?? [row.id]));
    byAccount.set(row.accountId, ids);
  }
  return { kind: 'rows', byAccount, allFlagged: chosen.every((row) => row.flagged) };
}
