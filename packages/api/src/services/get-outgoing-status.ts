import { and, type Database, eq, mailAccount, outgoingMail } from '@youjian/db';
import { AppError } from '../errors';

/** Where a queued message stands, so the compose form can say "Sent" or why not. */
export async function getOutgoingStatus({
  db,
  userId,
  accountId,
  id,
}: {
  db: Database;
  userId: string;
  accountId: string;
  id: string;
}) {
  const [row] = await db
    .select({ state: outgoingMail.state, lastError: outgoingMail.lastError })
    .from(outgoingMail)
    .innerJoin(mailAccount, eq(mailAccount.id, outgoingMail.accountId))
    .where(
      and(
        eq(outgoingMail.accountId, accountId),
        eq(outgoingMail.id, id),
        eq(mailAccount.userId, userId),
      ),
    )
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'This outgoing message does not exist.');
  return row;
}
