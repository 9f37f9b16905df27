import { and, eq, inArray, message, pendingImapOp, sql } from '@youjian/db';
import { compactUidSet, fetchFlags, fetchSummaries } from '@youjian/mail';
import { rowsOf, type Tx } from './db-types';
import { announceMailboxChange, type FolderSyncContext, throwIfAborted } from './folder-context';
import { diffFolderWindow, type UidFlags, uidRanges } from './folder-diff';
import { updateMailbox } from './mailbox-state';
import type { ObservedFolderStatus } from './strategy';
import { writeMessageBatch } from './write-messages';

/** UIDs per `UID FETCH lo:hi (FLAGS)` in the full diff: bounded memory and statement size. */
export const DIFF_WINDOW = 2000;

/**
 * The full UID/flags diff (no CONDSTORE, or counts that disagree): window by window the
 * server's UIDs, flags and sizes are compared with the mirror's; expunged messages are
 * deleted, changed flags copied, a UID whose size changed (another message under a reused
 * UID) replaced, and messages the mirror lacks (including new mail above the highest
 * mirrored UID) fetched.
 */
export async function diffFolder(
  ctx: FolderSyncContext,
  status: ObservedFolderStatus,
): Promise<void> {
  const { db, account, mailbox } = ctx;
  const mirrorUids = rowsOf<{ uid: string | number }>(
    // UIDs < 0 are moved-in messages awaiting their server UID (see queue-message-move.ts)
    await db.execute(sql`select uid from message
      where account_id = ${account.id} and mailbox_id = ${mailbox.id} and uid > 0 order by uid`),
  ).map((row) => Number(row.uid));
  const highest = mirrorUids.at(-1) ?? 0;
  const ranges: Array<[number, number | '*']> = [
    [highest + 1, '*'],
    ...uidRanges(mirrorUids, DIFF_WINDOW),
  ];
  const pending = await pendingFlagUids(ctx);
  let changed = false;
  let highestSeen = highest;
  for (const [lo, hi] of ranges) {
    throwIfAborted(ctx.signal);
    const server = (await fetchFlags(ctx.client, mailbox.path, `${lo}:${hi}`)).filter(
      (m) => m.uid >= lo && (hi === '*' || m.uid <= hi),
    );
    const mirror = await mirrorFlags(ctx, lo, hi === '*' ? Number.MAX_SAFE_INTEGER : hi);
    const diff = diffFolderWindow(mirror, server, pending);
    const missing =
      diff.missing.length > 0
        ? await fetchSummaries(ctx.client, mailbox.path, compactUidSet(diff.missing))
        : [];
    for (const m of server) highestSeen = Math.max(highestSeen, m.uid);
    if (diff.expunged.length + diff.flagChanges.length + missing.length === 0) continue;
    changed = true;
    await db.transaction(async (tx) => {
      if (diff.expunged.length > 0) {
        await tx
          .delete(message)
          .where(
            and(
              eq(message.accountId, account.id),
              eq(message.mailboxId, mailbox.id),
              inArray(message.uid, diff.expunged),
            ),
          );
      }
      await applyFlagChanges(tx, ctx, diff.flagChanges);
      await writeMessageBatch(tx, { accountId: account.id, mailboxId: mailbox.id }, missing);
      await updateMailbox(tx, account.id, mailbox.id, {});
    });
  }
  await updateMailbox(db, account.id, mailbox.id, {
    uidNext: status.uidNext,
    highestModSeq: status.highestModSeq,
    highestSyncedUid: highestSeen > 0 ? highestSeen : null,
    serverMessageCount: status.messages,
    lastFullSyncAt: new Date(),
  });
  if (changed) await announceMailboxChange(ctx);
}

async function mirrorFlags(ctx: FolderSyncContext, lo: number, hi: number): Promise<UidFlags[]> {
  const rows = rowsOf<{ uid: string | number; flags: string[]; size: number }>(
    await ctx.db.execute(sql`select uid, flags, size from message
      where account_id = ${ctx.account.id} and mailbox_id = ${ctx.mailbox.id}
        and uid between ${lo} and ${hi}`),
  );
  return rows.map((row) => ({ uid: Number(row.uid), flags: row.flags, size: row.size }));
}

export async function applyFlagChanges(
  tx: Tx,
  ctx: FolderSyncContext,
  changes: readonly UidFlags[],
): Promise<void> {
  if (changes.length === 0) return;
  await tx.execute(sql`update message set flags = array(select jsonb_array_elements_text(c.flags)),
      seen = c.flags ? '\\Seen', flagged = c.flags ? '\\Flagged', updated_at = now()
    from unnest(${sql.param(changes.map((c) => c.uid))}::bigint[],
      ${sql.param(changes.map((c) => JSON.stringify(c.flags)))}::jsonb[]) as c(uid, flags)
    where message.account_id = ${ctx.account.id} and message.mailbox_id = ${ctx.mailbox.id}
      and message.uid = c.uid`);
}

/** UIDs whose local flag change is still queued: the mirror is ahead of the server there. */
export async function pendingFlagUids(ctx: FolderSyncContext): Promise<Set<number>> {
  const rows = await ctx.db
    .select({ payload: pendingImapOp.payload })
    .from(pendingImapOp)
    .where(
      and(
        eq(pendingImapOp.accountId, ctx.account.id),
        eq(pendingImapOp.state, 'pending'),
        sql`${pendingImapOp.payload}->>'mailboxId' = ${ctx.mailbox.id}`,
      ),
    );
  const uids = new Set<number>();
  for (const { payload } of rows) {
    const list = payload.uids;
    if (Array.isArray(list)) for (const uid of list) if (typeof uid === 'number') uids.add(uid);
  }
  return uids;
}
