import { sql } from '@youjian/db';
import { compactUidSet, fetchSummaries } from '@youjian/mail';
import { rowsOf } from './db-types';
import { applyFlagChanges, pendingFlagUids } from './diff-folder';
import { announceMailboxChange, type FolderSyncContext } from './folder-context';
import { normalizeFlags } from './folder-diff';
import { updateMailbox } from './mailbox-state';
import type { ObservedFolderStatus } from './strategy';
import { writeMessageBatch } from './write-messages';

/**
 * CONDSTORE (RFC 7162 §3.1.4): `UID FETCH 1:* (FLAGS) (CHANGEDSINCE n)` returns exactly the
 * messages whose flags changed or that arrived since mod-sequence n. Expunges are not
 * reported without QRESYNC; the strategy sees the counts disagree next and diffs.
 */
export async function fetchChangedSince(
  ctx: FolderSyncContext,
  status: ObservedFolderStatus,
  since: bigint,
): Promise<void> {
  const { db, client, account, mailbox } = ctx;
  const changed: Array<{ uid: number; flags: string[] }> = [];
  const lock = await client.getMailboxLock(mailbox.path, { readOnly: true });
  try {
    for await (const m of client.fetch(
      '1:*',
      { uid: true, flags: true },
      { uid: true, changedSince: since },
    )) {
      changed.push({ uid: m.uid, flags: normalizeFlags(m.flags ?? []) });
    }
  } finally {
    lock.release();
  }
  const known = new Set(
    rowsOf<{ uid: string | number }>(
      await db.execute(sql`select uid from message
        where account_id = ${account.id} and mailbox_id = ${mailbox.id}
          and uid = any(${sql.param(changed.map((c) => c.uid))}::bigint[])`),
    ).map((row) => Number(row.uid)),
  );
  const fresh = changed.filter((c) => !known.has(c.uid)).map((c) => c.uid);
  // a queued local change is newer than what the server reports for that message
  const pending = await pendingFlagUids(ctx);
  const summaries =
    fresh.length > 0 ? await fetchSummaries(client, mailbox.path, compactUidSet(fresh)) : [];
  const highest = Math.max(mailbox.highestSyncedUid ?? 0, ...summaries.map((s) => s.uid));
  await db.transaction(async (tx) => {
    await applyFlagChanges(
      tx,
      ctx,
      changed.filter((c) => known.has(c.uid) && !pending.has(c.uid)),
    );
    await writeMessageBatch(tx, { accountId: account.id, mailboxId: mailbox.id }, summaries);
    await updateMailbox(tx, account.id, mailbox.id, {
      uidNext: status.uidNext,
      highestModSeq: status.highestModSeq,
      highestSyncedUid: highest > 0 ? highest : null,
      serverMessageCount: status.messages,
    });
  });
  if (changed.length > 0) await announceMailboxChange(ctx);
}
