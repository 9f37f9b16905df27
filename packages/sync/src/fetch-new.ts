import { fetchSummaries } from '@youjian/mail';
import { announceMailboxChange, type FolderSyncContext } from './folder-context';
import { loadMailbox, updateMailbox } from './mailbox-state';
import type { ObservedFolderStatus } from './strategy';
import { writeMessageBatch } from './write-messages';

/**
 * Fetches what arrived above the highest mirrored UID. `n:*` with n above every UID still
 * returns the newest message (RFC 3501 §6.4.8), so results are filtered to UIDs above it.
 */
export async function fetchNewMessages(
  ctx: FolderSyncContext,
  status?: ObservedFolderStatus,
): Promise<number> {
  const { db, account, mailbox } = ctx;
  const row = await loadMailbox(db, account.id, mailbox.id);
  if (!row) return 0;
  const above = row.highestSyncedUid ?? 0;
  const summaries = (await fetchSummaries(ctx.client, mailbox.path, `${above + 1}:*`)).filter(
    (s) => s.uid > above,
  );
  const highest = summaries.reduce((max, s) => Math.max(max, s.uid), above);
  await db.transaction(async (tx) => {
    await writeMessageBatch(tx, { accountId: account.id, mailboxId: mailbox.id }, summaries);
    await updateMailbox(tx, account.id, mailbox.id, {
      highestSyncedUid: highest > 0 ? highest : null,
      ...(status ? { uidNext: status.uidNext, serverMessageCount: status.messages } : {}),
    });
  });
  if (summaries.length > 0) await announceMailboxChange(ctx);
  return summaries.length;
}
