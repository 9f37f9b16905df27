import {
  and,
  type Database,
  eq,
  type FolderRole,
  inArray,
  mailbox,
  message,
  publishMailEvent,
} from '@youjian/db';
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

/** Where a message was before a move, for the Undo that puts it back. */
export interface MessageOrigin {
  id: string;
  mailboxId: string;
}

/**
 * commitMirrorChange for a change that moves `messageIds` (Archive, Delete to Trash, Spam,
 * Move to): also answers where each message that moved was before, read in the same
 * transaction, so the client's Undo never relies on a list it cached. A message the change
 * deleted for good (expunged) is not among the origins: it cannot come back.
 */
export async function commitUndoableMove(
  db: Database,
  target: { userId: string; accountId: string },
  messageIds: string[],
  change: (tx: Transaction) => Promise<MirrorChange>,
): Promise<{ changed: number; origins: MessageOrigin[] }> {
  let origins: MessageOrigin[] = [];
  const folders = (tx: Transaction) =>
    tx
      .select({ id: message.id, mailboxId: message.mailboxId })
      .from(message)
      .where(and(eq(message.accountId, target.accountId), inArray(message.id, messageIds)));
  const { changed } = await commitMirrorChange(db, target, async (tx) => {
    const before = await folders(tx);
    const result = await change(tx);
    const after = new Map((await folders(tx)).map((row) => [row.id, row.mailboxId]));
    origins = before.filter((row) => {
      const now = after.get(row.id);
      return now !== undefined && now !== row.mailboxId;
    });
    return result;
  });
  return { changed, origins };
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
