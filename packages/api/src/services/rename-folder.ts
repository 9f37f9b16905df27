import type { Database } from '@youjian/db';
import { queueFolderRename } from '@youjian/sync';
import { AppError } from '../errors';
import { checkFolderName } from '../lib/folder-name';
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

/** Renames a folder of the user's own (role folders keep the provider's names). */
export async function renameFolder(options: RenameFolderOptions): Promise<void> {
  const { db, userId, accountId, folderId } = options;
  await requireOwnedAccount(db, { userId, accountId });
  await db.transaction(async (tx) => {
    const folder = await requireFolder(tx, { accountId, folderId });
    if (folder.role) {
      throw new AppError('INVALID_INPUT', 'Folders like Inbox, Sent or Trash cannot be renamed.');
    }
    const name = checkFolderName(options.name, folder.delimiter);
    if (name === folder.name) return;
    // the folder stays where it is in the hierarchy; only its last segment changes
    const parent =
      folder.delimiter && folder.path.includes(folder.delimiter)
        ? folder.path.slice(0, folder.path.lastIndexOf(folder.delimiter) + 1)
        : '';
    const toPath = `${parent}${name}`;
    if (toPath.toLowerCase() !== folder.path.toLowerCase()) {
      await requireFreePath(tx, accountId, toPath);
    }
    await queueFolderRename(tx, { accountId, folderId, toPath, toName: name });
  });
  await announceFolderChange(db, { userId, accountId });
}
