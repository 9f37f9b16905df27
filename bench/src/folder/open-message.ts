import { type Database, type SecretBox, sql } from '@youjian/db';
import { MAILSTACK, type MailUser } from '@youjian/mailstack';
import { closeReadingSessions, loadMessageBody } from '@youjian/sync';
import { connectBare } from '../bare-imap';
import { since } from '../stats';

export const OPENS = 30;

export interface OpenTimes {
  /** loadMessageBody of uncached messages one after another (reading session, parse, sanitize, cache) */
  product: number[];
  /** bare imapflow, a session per message: connect + LOGIN, EXAMINE, UID FETCH, LOGOUT */
  freshSession: number[];
  /** bare imapflow on one open session, INBOX selected: UID FETCH of the source only */
  openSession: number[];
}

async function newestUncached(db: Database, accountId: string, skip: number) {
  const result = await db.execute<{ id: string; uid: number }>(sql`select id, uid::int as uid
    from message where account_id = ${accountId}
    order by uid desc offset ${skip} limit ${OPENS}`);
  return result.rows;
}

/**
 * Opening messages in a reader, one after another, in the large folder: each side reads
 * its own OPENS newest messages not read before, so no cache helps.
 */
export async function openMessageTimes(
  db: Database,
  secretBox: SecretBox,
  mailUser: MailUser,
  accountId: string,
): Promise<OpenTimes> {
  const product: number[] = [];
  for (const { id } of await newestUncached(db, accountId, 0)) {
    const startedAt = performance.now();
    await loadMessageBody({ db, accountId, messageId: id, secretBox });
    product.push(since(startedAt));
  }
  await closeReadingSessions();

  const freshSession: number[] = [];
  for (const { uid } of await newestUncached(db, accountId, OPENS)) {
    const startedAt = performance.now();
    const client = await connectBare(mailUser, MAILSTACK.providers.other.imap);
    await client.mailboxOpen('INBOX', { readOnly: true });
    await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
    await client.logout();
    freshSession.push(since(startedAt));
  }

  const openSession: number[] = [];
  const client = await connectBare(mailUser, MAILSTACK.providers.other.imap);
  try {
    await client.mailboxOpen('INBOX', { readOnly: true });
    for (const { uid } of await newestUncached(db, accountId, 2 * OPENS)) {
      const startedAt = performance.now();
      await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
      openSession.push(since(startedAt));
    }
  } finally {
    await client.logout();
  }
  return { product, freshSession, openSession };
}
