import { and, type Database, eq, mailbox, sql } from '@youjian/db';
import { queueFolderCreate, queueMessageMove } from '@youjian/sync';
import { commitMirrorChange, folderWithRole } from '../lib/mirror-change';
import { requireOwnedAccount, type Transaction } from '../lib/owned-rows';

export interface ArchiveMessagesOptions {
  db: Database;
  userId: string;
  accountId: string;
  messageIds: string[];
}

/** The name of the folder created when a mailbox has no archive folder (RFC 6154 \Archive). */
export const ARCHIVE_FOLDER_NAME = 'Archive';

/**
 * Moves messages to the archive folder. QQ and NetEase have none: a top-level "Archive"
 * folder is then used, and created (queued before the move, in the same transaction)
 * when missing — the mail package names such a folder's role `archive` from then on.
 */
export async function archiveMessages(
  options: ArchiveMessagesOptions,
): Promise<{ changed: number }> {
  const { db, userId, accountId, messageIds } = options;
  await requireOwnedAccount(db, { userId, accountId });
  return commitMirrorChange(db, { userId, accountId }, async (tx) => {
    const archive = await archiveFolderOf(tx, accountId);
    return queueMessageMove(tx, { accountId, messageIds, toMailboxId: archive.id });
  });
}

async function archiveFolderOf(tx: Transaction, accountId: string) {
  const byRole = await folderWithRole(tx, accountId, 'archive');
  if (byRole) return byRole;
  const [byName] = await tx
    .select({ id: mailbox.id })
    .from(mailbox)
    .where(
      and(
        eq(mailbox.accountId, accountId),
        sql`lower(${mailbox.path}) = ${ARCHIVE_FOLDER_NAME.toLowerCase()}`,
      ),
    )
    .limit(1);
  if (byName) return byName;
  const [inbox] = await tx
    .select({ delimiter: mailbox.delimiter })
    .from(mailbox)
    .where(and(eq(mailbox.accountId, accountId), eq(mailbox.role, 'inbox')))
    .limit(1);
  const { folderId } = await queueFolderCreate(tx, {
    accountId,
    path: ARCHIVE_FOLDER_NAME,
    name: ARCHIVE_FOLDER_NAME,
    delimiter: inbox?.delimiter ?? '/',
    role: 'archive',
  });
  return { id: folderId };
}
