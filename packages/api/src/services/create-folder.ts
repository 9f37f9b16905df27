import { and, type Database, eq, mailbox, sql } from '@youjian/db';
import { queueFolderCreate } from '@youjian/sync';
import { AppError } from '../errors';
import { checkFolderName } from '../lib/folder-name';
import { announceFolderChange } from '../lib/mirror-change';
import { requireOwnedAccount } from '../lib/owned-rows';

export interface CreateFolderOptions {
  db: Database;
  userId: string;
  accountId: string;
  name: string;
}

/** A new top-level folder: in the mirror at once, CREATE queued for the server. */
export async function createFolder(options: CreateFolderOptions): Promise<{ id: string }> {
  const { db, userId, accountId } = options;
  await requireOwnedAccount(db, { userId, accountId });
  const id = await db.transaction(async (tx) => {
    const [inbox] = await tx
      .select({ delimiter: mailbox.delimiter })
      .from(mailbox)
      .where(and(eq(mailbox.accountId, accountId), eq(mailbox.role, 'inbox')))
      .limit(1);
    const delimiter = inbox?.delimiter ?? '/';
    const name = checkFolderName(options.name, delimiter);
    await requireFreePath(tx, accountId, name);
    const created = await queueFolderCreate(tx, { accountId, path: name, name, delimiter });
    return created.folderId;
  });
  await announceFolderChange(db, { userId, accountId });
  return { id };
}

/** Paths compare case-insensitively: some servers (and users) treat "Work" and "work" alike. */
export async function requireFreePath(
  tx: Pick<Database, 'select'>,
  accountId: string,
  path: string,
): Promise<void> {
  const [taken] = await tx
    .select({ id: mailbox.id })
    .from(mailbox)
    .where(and(eq(mailbox.accountId, accountId), sql`lower(${mailbox.path}) = lower(${path})`))
    .limit(1);
  if (taken) throw new AppError('INVALID_INPUT', `A folder named "${path}" exists already.`);
}
