import { and, type Database, eq, mailbox, sql } from '@youjian/db';
import { type DbOrTx, rowsOf } from './db-types';
import type { StoredFolderState } from './strategy';
import type { MailboxRow } from './sync-folders';

export async function loadMailbox(db: DbOrTx, accountId: string, mailboxId: string) {
  const [row] = await db
    .select()
    .from(mailbox)
    .where(and(eq(mailbox.accountId, accountId), eq(mailbox.id, mailboxId)));
  return row ?? null;
}

/** The strategy's input: the mailbox columns plus how many messages the mirror holds. */
export async function loadStoredState(
  db: Database,
  accountId: string,
  mailboxId: string,
): Promise<{ row: MailboxRow; stored: StoredFolderState } | null> {
  // one round trip: a no-change pass makes this call once per folder
  const [found] = await db
    .select({
      row: mailbox,
      // moved-in messages awaiting their server UID (uid < 0) are not on the server yet
      mirroredCount: sql<number>`(select count(*)::int from message
        where account_id = ${accountId} and mailbox_id = ${mailboxId} and uid > 0)`,
    })
    .from(mailbox)
    .where(and(eq(mailbox.accountId, accountId), eq(mailbox.id, mailboxId)));
  if (!found) return null;
  const { row, mirroredCount } = found;
  return {
    row,
    stored: {
      uidValidity: row.uidValidity,
      uidNext: row.uidNext,
      highestModSeq: row.highestModSeq,
      highestSyncedUid: row.highestSyncedUid,
      firstSyncDone: row.firstSyncDone,
      mirroredCount,
      lastFullSyncAt: row.lastFullSyncAt,
    },
  };
}

export type MailboxPatch = Partial<
  Pick<
    MailboxRow,
    | 'uidValidity'
    | 'uidNext'
    | 'highestModSeq'
    | 'highestSyncedUid'
    | 'lowestSyncedUid'
    | 'firstSyncDone'
    | 'serverMessageCount'
    | 'lastFullSyncAt'
  >
>;

/** Saves sync state and recounts total/unread from the mirror, in the caller's transaction. */
export async function updateMailbox(
  tx: DbOrTx,
  accountId: string,
  mailboxId: string,
  patch: MailboxPatch,
): Promise<void> {
  await tx
    .update(mailbox)
    .set({
      ...patch,
      totalCount: sql`(select count(*)::int from message
        where account_id = ${accountId} and mailbox_id = ${mailboxId})`,
      unreadCount: sql`(select count(*)::int from message
        where account_id = ${accountId} and mailbox_id = ${mailboxId} and not seen)`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(mailbox.accountId, accountId), eq(mailbox.id, mailboxId)));
}

/** First-sync progress of the account in %: mirrored messages over the servers' counts. */
export async function updateSyncProgress(db: DbOrTx, accountId: string): Promise<number> {
  const [row] = rowsOf<{ progress: number }>(
    await db.execute(sql`update mail_account set sync_progress = p.progress, updated_at = now()
      from (select least(100, floor(100.0 * coalesce(sum(least(total_count, server_message_count)), 0)
          / greatest(1, coalesce(sum(server_message_count), 0))))::int as progress
        from mailbox where account_id = ${accountId} and server_message_count is not null) p
      where mail_account.id = ${accountId}
      returning p.progress`),
  );
  return row?.progress ?? 0;
}
