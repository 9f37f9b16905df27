import { and, type Database, eq, mailAccount, type OutgoingState, outgoingMail } from '@youjian/db';
import { AppError } from '../errors';
import { type Problem, problemOf } from '../lib/problem';

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
}): Promise<{ state: OutgoingState; problem: Problem | null }> {
  const [row] = await db
    .select({
      state: outgoingMail.state,
      lastError: outgoingMail.lastError,
      lastErrorCode: outgoingMail.lastErrorCode,
      lastErrorParams: outgoingMail.lastErrorParams,
    })
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
  return { state: row.state, problem: problemOf(row) };
}
