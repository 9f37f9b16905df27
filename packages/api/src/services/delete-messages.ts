import { and, type Database, eq, inArray, message } from '@youjian/db';
import { queueMessageExpunge, queueMessageMove } from '@youjian/sync';
import { commitUndoableMove, folderWithRole, type MessageOrigin } from '../lib/mirror-change';
import { requireOwnedAccount } from '../lib/owned-rows';

export interface DeleteMessagesOptions {
  db: Database;
  userId: string;
  accountId: string;
  messageIds: string[];
}

/**
 * Delete moves to Trash; what is already in Trash (or in a mailbox without a Trash
 * folder) is deleted for good, as QQ Mail and NetEase's own clients do.
 */
export async function deleteMessages(
  options: DeleteMessagesOptions,
): Promise<{ changed: number; origins: MessageOrigin[] }> {
  const { db, userId, accountId, messageIds } = options;
  await requireOwnedAccount(db, { userId, accountId });
  return commitUndoableMove(db, { userId, accountId }, messageIds, async (tx) => {
    const trash = await folderWithRole(tx, accountId, 'trash');
    const rows = await tx
      .select({ id: message.id, mailboxId: message.mailboxId })
      .from(message)
      .where(and(eq(message.accountId, accountId), inArray(message.id, messageIds)));
    const inTrash = rows.filter((row) => !trash || row.mailboxId === trash.id);
    const elsewhere = rows.filter((row) => !inTrash.includes(row));
    const expunged = await queueMessageExpunge(tx, {
      accountId,
      messageIds: inTrash.map((row) => row.id),
    });
    const moved = trash
      ? await queueMessageMove(tx, {
          accountId,
          messageIds: elsewhere.map((row) => row.id),
          toMailboxId: trash.id,
        })
      : { changed: 0, mailboxIds: [] };
    return {
      changed: expunged.changed + moved.changed,
      mailboxIds: [...new Set([...expunged.mailboxIds, ...moved.mailboxIds])],
    };
  });
}
