import { and, eq, message } from '@youjian/db';
import { fetchSummaries, type MessageSummary } from '@youjian/mail';
import { fetchNewMessages } from './fetch-new';
import { announceMailboxChange, type FolderSyncContext, throwIfAborted } from './folder-context';
import { windowBelow } from './folder-diff';
import { loadMailbox, updateMailbox } from './mailbox-state';
import type { ObservedFolderStatus } from './strategy';
import { writeMessageBatch } from './write-messages';

/** The first window is small so the newest page appears at once; later ones are larger. */
export const FIRST_WINDOW = 250;
export const WINDOW = 4000;
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
 * transaction per window, so an interrupted sync resumes where it stopped. The next
 * window is fetched while the current one is written, so the IMAP server and Postgres
 * work at the same time. Windows grow where UIDs are sparse (old deletions), so gaps cost
 * few round trips.
 */
export async function continueFirstSync(ctx: FolderSyncContext): Promise<void> {
  const { db, account, mailbox } = ctx;
  await fetchNewMessages(ctx);
  const row = await loadMailbox(db, account.id, mailbox.id);
  if (!row) return;
  // the newest page gets its previews at once; older snippets come with the bodies
  let next = fetchWindow(ctx, windowBelow((row.lowestSyncedUid ?? 1) - 1, FIRST_WINDOW), true);
  for (;;) {
    const fetched = await next;
    throwIfAborted(ctx.signal);
    if (!fetched) break;
    const { window, summaries, size } = fetched;
    next = fetchWindow(ctx, windowBelow(window[0] - 1, size), false);
    // a failed write leaves `next` unawaited: keep its rejection from going unhandled
    next.catch(() => {});
    await db.transaction(async (tx) => {
      await writeMessageBatch(tx, { accountId: account.id, mailboxId: mailbox.id }, summaries);
      await updateMailbox(tx, account.id, mailbox.id, { lowestSyncedUid: window[0] });
    });
    await announceMailboxChange(ctx);
    await ctx.onProgress?.();
  }
  await updateMailbox(db, account.id, mailbox.id, { firstSyncDone: true });
  await announceMailboxChange(ctx);
}

interface FetchedWindow {
  window: [number, number];
  summaries: MessageSummary[];
  /** size of the window after this one */
  size: number;
}

async function fetchWindow(
  ctx: FolderSyncContext,
  window: [number, number] | null,
  previews: boolean,
): Promise<FetchedWindow | null> {
  if (!window) return null;
  const [lo, hi] = window;
  const summaries = (
    await fetchSummaries(ctx.client, ctx.mailbox.path, `${lo}:${hi}`, { previews })
  ).filter((s) => s.uid >= lo && s.uid <= hi);
  return { window, summaries, size: nextWindowSize(hi - lo + 1, summaries.length) };
}

/** Dense windows settle at WINDOW UIDs; where fewer than a quarter exist, they double. */
export function nextWindowSize(span: number, found: number): number {
  if (found < span / 4) return Math.min(MAX_WINDOW, Math.max(WINDOW, span * 2));
  return Math.max(span, WINDOW);
}
