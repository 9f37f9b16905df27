import type { Database } from '@youjian/db';
import { queueMessageMove } from '@youjian/sync';
import { commitUndoableMove, type MessageOrigin, requireFolder } from '../lib/mirror-change';
import { requireOwnedAccount } from '../lib/owned-rows';

export interface MoveMessagesOptions {
  db: Database;
  userId: string;
  accountId: string;
  messageIds: string[];
  toMailboxId: string;
}

/** Moves messages to any folder of the same mailbox: at once in the mirror, queued for IMAP. */
export async function moveMessages(
  options: MoveMessagesOptions,
): Promise<{ changed: number; origins: MessageOrigin[] }> {
  const { db, userId, accountId, messageIds, toMailboxId } = options;
  await requireOwnedAccount(db, { userId, accountId });
  await requireFolder(db, { accountId, folderId: toMailboxId });
  return commitUndoableMove(db, { userId, accountId }, messageIds, (tx) =>
    queueMessageMove(tx, { accountId, messageIds, toMailboxId }),
  );
}
