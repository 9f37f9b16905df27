import type { Database, FolderRole } from '@youjian/db';
import { queueMessageMove } from '@youjian/sync';
import { AppError } from '../errors';
import { commitUndoableMove, folderWithRole, type MessageOrigin } from '../lib/mirror-change';
import { requireOwnedAccount } from '../lib/owned-rows';

export interface MarkSpamOptions {
  db: Database;
  userId: string;
  accountId: string;
  messageIds: string[];
  /** true: to the junk folder; false ("not spam"): back to the inbox */
  spam: boolean;
}

const MISSING: Record<'junk' | 'inbox', string> = {
  junk: 'This mailbox has no spam folder.',
  inbox: 'This mailbox has no inbox.',
};

/**
 * Spam is a move to the junk folder and "not spam" a move back to the inbox: QQ and
 * NetEase learn from what lands in and leaves their junk folder; IMAP has no verb for it.
 */
export async function markSpam(
  options: MarkSpamOptions,
): Promise<{ changed: number; origins: MessageOrigin[] }> {
  const { db, userId, accountId, messageIds } = options;
  await requireOwnedAccount(db, { userId, accountId });
  const role: FolderRole & ('junk' | 'inbox') = options.spam ? 'junk' : 'inbox';
  const target = await folderWithRole(db, accountId, role);
  if (!target) throw new AppError('NOT_FOUND', MISSING[role]);
  return commitUndoableMove(db, { userId, accountId }, messageIds, (tx) =>
    queueMessageMove(tx, { accountId, messageIds, toMailboxId: target.id }),
  );
}
