import { and, type Database, eq, mailbox, sql } from '@youjian/db';
import { serverFolderPath } from '@youjian/mail';
import { queueFolderCreate } from '@youjian/sync';
import { AppError } from '../errors';
import { checkFolderName } from '../lib/folder-name';
import { folderNamespaceOf } from '../lib/folder-namespace';
import { announceFolderChange } from '../lib/mirror-change';
import { requireOwnedAccount } from '../lib/owned-rows';

export interface CreateFolderOptions {
  db: Database;
  userId: string;
  accountId: string;
  name: string;
}

/**
 * A new folder at the top of the personal namespace (RFC 2342: "INBOX.临时" where the
 * server keeps folders below "INBOX."), in the mirror at once under the server's path,
 * CREATE queued for the server. Returns the mirror id; throws AppError INVALID_INPUT for
 * an unusable or taken name, NOT_FOUND for another user's account.
 */
export async function createFolder(options: CreateFolderOptions): Promise<{ id: string }> {
  const { db, userId, accountId } = options;
  await requireOwnedAccount(db, { userId, accountId });
  const id = await db.transaction(async (tx) => {
    const namespace = await folderNamespaceOf(tx, accountId);
    const name = checkFolderName(options.name, namespace.delimiter);
    const path = serverFolderPath({ name, parentPath: null, namespace });
    await requireFreePath(tx, accountId, { path, name });
    const created = await queueFolderCreate(tx, {
      accountId,
      path,
      name,
      delimiter: namespace.delimiter,
    });
    return created.folderId;
  });
  await announceFolderChange(db, { userId, accountId });
  return { id };
}

/**
 * Throws AppError INVALID_INPUT when the account has a folder at `path` (the server path;
 * `name` is what the user typed). Paths compare case-insensitively: some servers (and
 * users) treat "Work" and "work" alike.
 */
export async function requireFreePath(
  tx: Pick<Database, 'select'>,
  accountId: string,
  { path, name }: { path: string; name: string },
): Promise<void> {
  const [taken] = await tx
    .select({ id: mailbox.id })
    .from(mailbox)
    .where(and(eq(mailbox.accountId, accountId), sql`lower(${mailbox.path}) = lower(${path})`))
    .limit(1);
  if (taken) throw new AppError('INVALID_INPUT', `A folder named "${name}" exists already.`);
}
