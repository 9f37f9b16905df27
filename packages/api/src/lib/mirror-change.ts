import { and, type Database, eq, type FolderRole, mailbox, publishMailEvent } from '@youjian/db';
import { type MirrorChange, wakeWorker } from '@youjian/sync';
import { AppError } from '../errors';
import type { Transaction } from './owned-rows';

/**
 * Runs a mirror change (which queues its server op in the same transaction), then wakes
 * the account's worker and tells open tabs which folders changed.
 */
export async function commitMirrorChange(
  db: Database,
  target: { userId: string; accountId: string },
  change: (tx: Transaction) => Promise<MirrorChange>,
): Promise<{ changed: number }> {
  const result = await db.transaction(change);
  if (result.changed > 0) {
    await wakeWorker(db.$client, target.accountId);
    for (const mailboxId of result.mailboxIds) {
      await publishMailEvent(db.$client, { kind: 'mailbox_changed', ...target, mailboxId });
    }
  }
  return { changed: result.changed };
}

/** Folder-list changes: the worker is woken and open tabs reload the account's folders. */
export async function announceFolderChange(
  db: Database,
  target: { userId: string; accountId: string },
): Promise<void> {
  await wakeWorker(db.$client, target.accountId);
  await publishMailEvent(db.$client, { kind: 'account_changed', ...target });
}

export async function folderWithRole(
  db: Database | Transaction,
  accountId: string,
  role: FolderRole,
): Promise<{ id: string; path: string } | null> {
  const [row] = await db
    .select({ id: mailbox.id, path: mailbox.path })
    .from(mailbox)
    .where(and(eq(mailbox.accountId, accountId), eq(mailbox.role, role)))
    .limit(1);
  return row ?? null;
}

export async function requireFolder(
  db: Database | Transaction,
  { accountId, folderId }: { accountId: string; folderId: string },
) {
  const [row] = await db
    .select()
    .from(mailbox)
    .where(and(eq(mailbox.accountId, accountId), eq(mailbox.id, folderId)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'This folder no longer exists.');
  return row;
}
