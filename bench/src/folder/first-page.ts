import { type Database, type SecretBox, sql } from '@youjian/db';
import type { MailUser } from '@youjian/mailstack';
import { syncAccount } from '@youjian/sync';
import { linkAccount } from '../accounts';
import { since } from '../stats';

const PAGE = 50;

async function newestPageMirrored(db: Database, accountId: string, highestUid: number) {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n
    from message m join mailbox b on b.account_id = m.account_id and b.id = m.mailbox_id
    where m.account_id = ${accountId} and b.role = 'inbox' and m.uid > ${highestUid - PAGE}`);
  return (result.rows[0]?.n ?? 0) >= PAGE;
}

/**
 * Link-to-first-page: a never-seen account starts syncing; the clock stops when the
 * newest 50 messages of INBOX (UIDs highestUid-49 … highestUid) can be queried from the
 * mirror. The rest of the sync is then aborted — it is measured by the header benchmark.
 */
export async function firstPageSeconds(
  db: Database,
  secretBox: SecretBox,
  mailUser: MailUser,
  highestUid: number,
): Promise<number> {
  const { accountId } = await linkAccount(db, mailUser, 'custom', secretBox);
  const abort = new AbortController();
  const startedAt = performance.now();
  let failure: unknown = null;
  const syncing = syncAccount({ db, accountId, secretBox, signal: abort.signal }).catch(
    (error: unknown) => {
      if (!abort.signal.aborted) failure = error;
    },
  );
  let finished = false;
  void syncing.then(() => {
    finished = true;
  });
  try {
    for (;;) {
      if (await newestPageMirrored(db, accountId, highestUid)) return since(startedAt) / 1000;
      if (failure) throw failure;
      if (finished) throw new Error('sync ended without the newest page in the mirror');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    abort.abort(new Error('first page measured'));
    await syncing;
  }
}
