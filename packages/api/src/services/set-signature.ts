import { and, type Database, eq, mailAccount } from '@youjian/db';
import { AppError } from '../errors';

/**
 * Saves the signature compose adds to new mail and replies from the user's mailbox
 * `accountId` (plain text; trailing blank lines dropped). NOT_FOUND when the mailbox is
 * not the user's.
 */
export async function setSignature(options: {
  db: Database;
  userId: string;
  accountId: string;
  signature: string;
}): Promise<{ signature: string }> {
  const signature = options.signature.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  const updated = await options.db
    .update(mailAccount)
    .set({ signature, updatedAt: new Date() })
    .where(and(eq(mailAccount.id, options.accountId), eq(mailAccount.userId, options.userId)))
    .returning({ id: mailAccount.id });
  if (updated.length === 0) {
    throw new AppError('NOT_FOUND', 'This mailbox is not linked to your account.');
  }
  return { signature };
}
