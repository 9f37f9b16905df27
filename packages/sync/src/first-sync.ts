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

/** Windows fetched ahead of the one being written: the IMAP session never waits on Postgres. */
const FETCH_AHEAD = 2;

/**
 * Fills the folder newest-first in UID windows below the lowest mirrored UID, one
 * transaction per window, so an interrupted sync resumes where it stopped. While a window
 * is written, the next ones are already being fetched, so the server, this process and
 * Postgres work at the same time. Windows grow where UIDs are sparse (old deletions), so
 * gaps cost few round trips.
 */
export async function continueFirstSync(ctx: FolderSyncContext): Promise<void> {
  const { db, account, mailbox } = ctx;
  await fetchNewMessages(ctx);
  const row = await loadMailbox(db, account.id, mailbox.id);
  if (!row) return;
  let top = (row.lowestSyncedUid ?? 1) - 1;
  let size = FIRST_WINDOW;
  // the newest page gets previews and search documents at once; for older mail both come
  // with the body index, which the worker runs right after the sync pass
  let first = true;
  const ahead: Promise<FetchedWindow | null>[] = [];
  const fetchNext = () => {
    const window = windowBelow(top, size);
    if (window) top = window[0] - 1;
    const fetched = fetchWindow(ctx, window, first);
    // awaited in turn below; if a write fails first, its rejection must not go unhandled
    fetched.catch(() => {});
    ahead.push(fetched);
    first = false;
    size = Math.max(size, WINDOW);
  };
  const fillAhead = () => {
    while (ahead.length < FETCH_AHEAD) fetchNext();
  };
  fetchNext();
  for (;;) {
    const fetched = await ahead.shift();
    throwIfAborted(ctx.signal);
    if (!fetched) break;
    const { window, summaries, newest } = fetched;
    size = nextWindowSize(window[1] - window[0] + 1, summaries.length);
    // the newest page is written before anything else is fetched: parsing the next
    // windows would hold up the write the user is waiting for
    if (!newest) fillAhead();
    await db.transaction(async (tx) => {
      await writeMessageBatch(tx, { accountId: account.id, mailboxId: mailbox.id }, summaries, {
        searchDocuments: newest,
      });
      await updateMailbox(tx, account.id, mailbox.id, { lowestSyncedUid: window[0] });
    });
    await announceMailboxChange(ctx);
    await ctx.onProgress?.();
    fillAhead();
  }
  await updateMailbox(db, account.id, mailbox.id, { firstSyncDone: true });
  await announceMailboxChange(ctx);
}

interface FetchedWindow {
  window: [number, number];
  /** the first window: the newest page of the folder */
  newest: boolean;
  summaries: MessageSummary[];
}

async function fetchWindow(
  ctx: FolderSyncContext,
  window: [number, number] | null,
  newest: boolean,
): Promise<FetchedWindow | null> {
  if (!window) return null;
  const [lo, hi] = window;
  const summaries = (
    await fetchSummaries(ctx.client, ctx.mailbox.path, `${lo}:${hi}`, { previews: newest })
  ).filter((s) => s.uid >= lo && s.uid <= hi);
  return { window, newest, summaries };
}

/** Dense windows settle at WINDOW UIDs; where fewer than a quarter exist, they double. */
export function nextWindowSize(span: number, found: number): number {
  if (found < span / 4) return Math.min(MAX_WINDOW, Math.max(WINDOW, span * 2));
  return Math.max(span, WINDOW);
}
