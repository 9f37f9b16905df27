import { and, type Database, eq, mailAccount } from '@youjian/db';
import { wakeWorker } from '@youjian/sync';
import { AppError } from '../errors';

export interface RemoveMailboxOptions {
  db: Database;
  userId: string;
  accountId: string;
}

/**
 * Unlinks a mailbox. Its whole mirror (folders, messages, bodies, queues) goes with it
 * through ON DELETE CASCADE; the provider's mail is untouched.
 */
export async function removeMailbox({
  db,
  userId,
  accountId,
}: RemoveMailboxOptions): Promise<void> {
  const removed = await db
    .delete(mailAccount)
    .where(and(eq(mailAccount.id, accountId), eq(mailAccount.userId, userId)))
    .returning({ id: mailAccount.id });
  if (removed.length === 0) {
    throw new AppError('NOT_FOUND', 'This mailbox is not linked to your account.');
  }
  // the worker notices the account is gone and closes its connections
  await wakeWorker(db.$client, accountId);
}
