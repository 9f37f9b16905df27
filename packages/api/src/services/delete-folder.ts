import { and, type Database, eq, mailbox, sql } from '@youjian/db';
import { queueFolderDelete } from '@youjian/sync';
import { AppError } from '../errors';
import { announceFolderChange, requireFolder } from '../lib/mirror-change';
import { requireOwnedAccount } from '../lib/owned-rows';

export interface DeleteFolderOptions {
  db: Database;
  userId: string;
  accountId: string;
  folderId: string;
}

/** Deletes a folder of the user's own with the messages in it. */
export async function deleteFolder(options: DeleteFolderOptions): Promise<void> {
  const { db, userId, accountId, folderId } = options;
  await requireOwnedAccount(db, { userId, accountId });
  await db.transaction(async (tx) => {
    const folder = await requireFolder(tx, { accountId, folderId });
    if (folder.role) {
      throw new AppError('INVALID_INPUT', 'Folders like Inbox, Sent or Trash cannot be deleted.');
    }
    // RFC 3501 §6.3.4: a folder with inferior folders may not really go away; ask first
    const prefix = `${folder.path}${folder.delimiter ?? '/'}`;
    const [child] = await tx
      .select({ id: mailbox.id })
      .from(mailbox)
      .where(
        and(
          eq(mailbox.accountId, accountId),
          sql`left(${mailbox.path}, ${prefix.length}) = ${prefix}`,
        ),
      )
      .limit(1);
    if (child) throw new AppError('INVALID_INPUT', 'Delete the folders inside it first.');
    await queueFolderDelete(tx, { accountId, folderId });
  });
  await announceFolderChange(db, { userId, accountId });
}
