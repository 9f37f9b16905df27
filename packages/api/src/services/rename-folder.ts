import type { Database } from '@youjian/db';
import { parentFolderPath, serverFolderPath } from '@youjian/mail';
import { queueFolderRename } from '@youjian/sync';
import { AppError } from '../errors';
import { checkFolderName } from '../lib/folder-name';
import { folderNamespaceOf } from '../lib/folder-namespace';
import { announceFolderChange, requireFolder } from '../lib/mirror-change';
import { requireOwnedAccount } from '../lib/owned-rows';
import { requireFreePath } from './create-folder';

export interface RenameFolderOptions {
  db: Database;
  userId: string;
  accountId: string;
  folderId: string;
  name: string;
}

/**
 * Renames a folder of the user's own (role folders keep the provider's names) and, as the
 * server will, the folders inside it; the mirror holds the new server paths at once.
 * Throws AppError INVALID_INPUT for a role folder or an unusable or taken name, NOT_FOUND
 * for a folder or account that is not the user's.
 */
export async function renameFolder(options: RenameFolderOptions): Promise<void> {
  const { db, userId, accountId, folderId } = options;
  await requireOwnedAccount(db, { userId, accountId });
  await db.transaction(async (tx) => {
    const folder = await requireFolder(tx, { accountId, folderId });
    if (folder.role) {
      throw new AppError('INVALID_INPUT', 'Folders like Inbox, Sent or Trash cannot be renamed.');
    }
    const { prefix, delimiter } = await folderNamespaceOf(tx, accountId);
    const namespace = { prefix, delimiter: folder.delimiter ?? delimiter };
    const name = checkFolderName(options.name, namespace.delimiter);
    if (name === folder.name) return;
    // the folder stays where it is in the hierarchy (below the namespace prefix, RFC
    // 2342); only its last level changes
    const parentPath = parentFolderPath(folder.path, namespace);
    const toPath = serverFolderPath({ name, parentPath, namespace });
    if (toPath.toLowerCase() !== folder.path.toLowerCase()) {
      await requireFreePath(tx, accountId, { path: toPath, name });
    }
    await queueFolderRename(tx, { accountId, folderId, toPath, toName: name });
  });
  await announceFolderChange(db, { userId, accountId });
}
