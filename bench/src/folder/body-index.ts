import { type Database, eq, message, type SecretBox, sql } from '@youjian/db';
import { closeImap, openImap } from '@youjian/mail';
import { accountCredentials, indexBodies } from '@youjian/sync';
import { ratePerSecond, since } from '../stats';

export interface BodyIndexRun {
  indexed: number;
  ms: number;
  perSecond: number;
}

/**
 * The rest of the product's full mirror after the header sync: the worker's body index
 * (`indexBodies`) over one session, as the account runner runs it but without time
 * slices — every message's text part fetched, decoded, indexed for search.
 */
export async function productBodyIndex(
  db: Database,
  secretBox: SecretBox,
  accountId: string,
): Promise<BodyIndexRun> {
  const account = await db.query.mailAccount.findFirst({
    where: (row, { eq: equals }) => equals(row.id, accountId),
  });
  if (!account) throw new Error(`no mail account ${accountId}`);
  const startedAt = performance.now();
  const client = await openImap(accountCredentials(account, secretBox));
  try {
    const done = await indexBodies({
      db,
      client,
      accountId,
      userId: account.userId,
      shouldPause: () => false,
    });
    if (!done) throw new Error('the body index paused without being asked to');
  } finally {
    await closeImap(client);
  }
  const ms = since(startedAt);
  const [row] = await db
    .select({ indexed: sql<number>`count(*) filter (where ${message.bodyIndexed})::int` })
    .from(message)
    .where(eq(message.accountId, accountId));
  const indexed = row?.indexed ?? 0;
  return { indexed, ms, perSecond: ratePerSecond(indexed, ms) };
}
