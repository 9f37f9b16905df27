import { and, eq, message } from '@youjian/db';
import { fetchSummaries } from '@youjian/mail';
import { fetchNewMessages } from './fetch-new';
import { announceMailboxChange, type FolderSyncContext, throwIfAborted } from './folder-context';
import { windowBelow } from './folder-diff';
import { loadMailbox, updateMailbox } from './mailbox-state';
import type { ObservedFolderStatus } from './strategy';
import { writeMessageBatch } from './write-messages';

/** The first window is small so the newest page appears at once; later ones are larger. */
export const FIRST_WINDOW = 250;
export const WINDOW = 1000;
const MAX_WINDOW = 64_000;

/**
 * Starts the mirror of a folder (first sync, or a rebuild after a UIDVALIDITY change):
 * records UIDVALIDITY/UIDNEXT/HIGHESTMODSEQ as they are now, so anything that changes
 * during the sync is caught by the next incremental pass, then fills newest-first.
 */
export async function startFirstSync(
  ctx: FolderSyncContext,
  status: ObservedFolderStatus,
  rebuild: boolean,
): Promise<void> {
  const { db, account, mailbox } = ctx;
  const top = status.uidNext !== null ? status.uidNext - 1 : (status.highestUid ?? 0);
  await db.transaction(async (tx) => {
    if (rebuild) {
      // RFC 3501 §2.3.1.1: every cached UID of the old UIDVALIDITY is meaningless now
      await tx
        .delete(message)
        .where(and(eq(message.accountId, account.id), eq(message.mailboxId, mailbox.id)));
    }
    await updateMailbox(tx, account.id, mailbox.id, {
      uidValidity: status.uidValidity,
      uidNext: status.uidNext,
      highestModSeq: status.highestModSeq,
      highestSyncedUid: top > 0 ? top : null,
      lowestSyncedUid: top + 1,
      firstSyncDone: false,
      serverMessageCount: status.messages,
      // the flags of the first window are as fresh as this moment and no fresher: a sync
      // that runs long, or resumes hours after a crash, is followed by a flag resync
      lastFullSyncAt: new Date(),
    });
  });
  if (rebuild) await announceMailboxChange(ctx);
  await continueFirstSync(ctx);
}

/**
 * Fills the folder newest-first in UID windows below the lowest mirrored UID, one
 * transaction per window, so an interrupted sync resumes where it stopped. Windows grow
 * where UIDs are sparse (old deletions), so gaps cost few round trips.
 */
export async function continueFirstSync(ctx: FolderSyncContext): Promise<void> {
  const { db, account, mailbox } = ctx;
  await fetchNewMessages(ctx);
  let size = FIRST_WINDOW;
  for (;;) {
    throwIfAborted(ctx.signal);
    const row = await loadMailbox(db, account.id, mailbox.id);
    if (!row) return;
    const window = windowBelow((row.lowestSyncedUid ?? 1) - 1, size);
    if (!window) {
      await updateMailbox(db, account.id, mailbox.id, { firstSyncDone: true });
      await announceMailboxChange(ctx);
      return;
    }
    const [lo, hi] = window;
    const summaries = await fetchSummaries(ctx.client, mailbox.path, `${lo}:${hi}`);
    const inWindow = summaries.filter((s) => s.uid >= lo && s.uid <= hi);
    await db.transaction(async (tx) => {
      await writeMessageBatch(tx, { accountId: account.id, mailboxId: mailbox.id }, inWindow);
      await updateMailbox(tx, account.id, mailbox.id, { lowestSyncedUid: lo });
    });
    await announceMailboxChange(ctx);
    await ctx.onProgress?.();
    size = nextWindowSize(size, hi - lo + 1, inWindow.length);
  }
}

export function nextWindowSize(size: number, span: number, found: number): number {
  if (found < span / 4) return Math.min(MAX_WINDOW, Math.max(WINDOW, size * 2));
  return Math.max(size, WINDOW);
}
