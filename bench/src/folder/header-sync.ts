import { type Database, type SecretBox, sql } from '@youjian/db';
import type { MailUser } from '@youjian/mailstack';
import { syncAccount } from '@youjian/sync';
import { linkAccount } from '../accounts';
import { ratePerSecond, timed } from '../stats';

export interface HeaderSync {
  accountId: string;
  mirrored: number;
  ms: number;
  perSecond: number;
}

export async function countMirrored(db: Database, accountId: string): Promise<number> {
  const result = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from message where account_id = ${accountId}`,
  );
  return result.rows[0]?.n ?? 0;
}

/**
 * The product's first sync of a never-seen account whose INBOX is the large folder:
 * syncAccount (connect, LIST, every folder newest-first in windows, threads, search
 * documents), timed from the call to its return.
 */
export async function productHeaderSync(
  db: Database,
  secretBox: SecretBox,
  mailUser: MailUser,
): Promise<HeaderSync> {
  const { accountId } = await linkAccount(db, mailUser, 'custom', secretBox);
  const { ms } = await timed(() => syncAccount({ db, accountId, secretBox }));
  const mirrored = await countMirrored(db, accountId);
  return { accountId, mirrored, ms, perSecond: ratePerSecond(mirrored, ms) };
}
