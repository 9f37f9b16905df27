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
