import type { ApplyContext } from './apply-context';
import { loadMailbox } from './mailbox-state';
import { syncFolderNow } from './sync-folder-now';
import { syncFolderList } from './sync-folders';

/**
 * Undoes a removal the server refused by looking again: the folder list (a folder whose
 * DELETE failed comes back) or one folder (messages whose EXPUNGE failed come back).
 * Best effort — the session may be the thing that failed; the next sync pass repeats it.
 */
export async function resyncAfterFailure(
  ctx: ApplyContext,
  target: { mailboxId?: string },
): Promise<void> {
  try {
    if (!target.mailboxId) {
      await syncFolderList(ctx.db, ctx.client, ctx.account);
      return;
    }
    const folder = await loadMailbox(ctx.db, ctx.account.id, target.mailboxId);
    if (folder) await syncFolderNow(ctx, folder);
  } catch {
    // the next sync pass converges the mirror on the server's state
  }
}
