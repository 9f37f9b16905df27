/**
 * The moves that put messages back where they were before a destructive action (Archive,
 * Delete to Trash, Spam, Not spam, Move to): one move per original folder, since one
 * `messages.move` takes one target. Messages whose folder is unknown are left out — an
 * Undo never guesses a folder.
 *
 * Takes each message's id → the folder id it was in; returns the moves, largest first.
 */
export function undoMoves(
  origins: ReadonlyMap<string, string | null>,
): Array<{ toMailboxId: string; messageIds: string[] }> {
  const byFolder = new Map<string, string[]>();
  for (const [messageId, mailboxId] of origins) {
    if (!mailboxId) continue;
    const ids = byFolder.get(mailboxId) ?? [];
    ids.push(messageId);
    byFolder.set(mailboxId, ids);
  }
  return [...byFolder]
    .map(([toMailboxId, messageIds]) => ({ toMailboxId, messageIds }))
    .sort((a, b) => b.messageIds.length - a.messageIds.length);
}

/** The most messages one messages.move takes (packages/api routers/messages.ts). */
export const MOVE_BATCH = 500;

/**
 * The moves that undo a "Select all" action, which may span mailboxes and thousands of
 * messages: per mailbox, per original folder (as undoMoves), in batches of at most
 * `batch` messages, since one messages.move names one mailbox and takes at most 500.
 */
export function undoBulkMoves(
  origins: ReadonlyArray<{ accountId: string; id: string; mailboxId: string }>,
  batch = MOVE_BATCH,
): Array<{ accountId: string; toMailboxId: string; messageIds: string[] }> {
  const byAccount = new Map<string, Map<string, string>>();
  for (const origin of origins) {
    const account = byAccount.get(origin.accountId) ?? new Map<string, string>();
    account.set(origin.id, origin.mailboxId);
    byAccount.set(origin.accountId, account);
  }
  return [...byAccount].flatMap(([accountId, folders]) =>
    undoMoves(folders).flatMap(({ toMailboxId, messageIds }) => {
      const moves = [];
      for (let start = 0; start < messageIds.length; start += batch) {
        moves.push({ accountId, toMailboxId, messageIds: messageIds.slice(start, start + batch) });
      }
      return moves;
    }),
  );
}
