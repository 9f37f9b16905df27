import { and, type Database, eq, mailAccount, message } from '@youjian/db';
import { AppError } from '../errors';

/**
 * Every read and write of mail goes through these: a row is found only together with
 * the signed-in user's id, so another user's ids behave exactly like unknown ids.
 */
export async function requireOwnedAccount(
  db: Database,
  { userId, accountId }: { userId: string; accountId: string },
) {
  const [account] = await db
    .select({ id: mailAccount.id, address: mailAccount.address, provider: mailAccount.provider })
    .from(mailAccount)
    .where(and(eq(mailAccount.id, accountId), eq(mailAccount.userId, userId)))
    .limit(1);
  if (!account) throw new AppError('NOT_FOUND', 'This mailbox is not linked to your account.');
  return account;
}

export async function requireOwnedMessage(
  db: Database,
  { userId, accountId, messageId }: { userId: string; accountId: string; messageId: string },
) {
  const [row] = await db
    .select({ message })
    .from(message)
    .innerJoin(mailAccount, eq(mailAccount.id, message.accountId))
    .where(
      and(
        eq(message.accountId, accountId),
        eq(message.id, messageId),
        eq(mailAccount.userId, userId),
      ),
    )
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'This message no longer exists.');
  return row.message;
}

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
