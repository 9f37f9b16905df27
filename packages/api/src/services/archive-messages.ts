import { and, type Database, eq, mailbox, sql } from '@youjian/db';
import { serverFolderPath } from '@youjian/mail';
import { queueFolderCreate, queueMessageMove } from '@youjian/sync';
import { folderNamespaceOf } from '../lib/folder-namespace';
import { commitUndoableMove, folderWithRole, type MessageOrigin } from '../lib/mirror-change';
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
 * folder is then used ("INBOX.Archive" below a namespace prefix), and created (queued
 * before the move, in the same transaction) when missing — the mail package names such a
 * folder's role `archive` from then on.
 */
export async function archiveMessages(
  options: ArchiveMessagesOptions,
): Promise<{ changed: number; origins: MessageOrigin[] }> {
  const { db, userId, accountId, messageIds } = options;
  await requireOwnedAccount(db, { userId, accountId });
  return commitUndoableMove(db, { userId, accountId }, messageIds, async (tx) => {
    const archive = await archiveFolderOf(tx, accountId);
    return queueMessageMove(tx, { accountId, messageIds, toMailboxId: archive.id });
  });
}

/** The archive folder, created at the top of the personal namespace (RFC 2342) if need be. */
async function archiveFolderOf(tx: Transaction, accountId: string) {
  const byRole = await folderWithRole(tx, accountId, 'archive');
  if (byRole) return byRole;
  const namespace = await folderNamespaceOf(tx, accountId);
  const path = serverFolderPath({ name: ARCHIVE_FOLDER_NAME, parentPath: null, namespace });
  const [byName] = await tx
    .select({ id: mailbox.id })
    .from(mailbox)
    .where(
      and(eq(mailbox.accountId, accountId), sql`lower(${mailbox.path}) = ${path.toLowerCase()}`),
    )
    .limit(1);
  if (byName) return byName;
  const { folderId } = await queueFolderCreate(tx, {
    accountId,
    path,
    name: ARCHIVE_FOLDER_NAME,
    delimiter: namespace.delimiter,
    role: 'archive',
  });
  return { id: folderId };
}
