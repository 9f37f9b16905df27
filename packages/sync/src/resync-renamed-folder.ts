import { sql } from '@youjian/db';
import type { ApplyContext } from './apply-context';
import { rowsOf } from './db-types';
import type { RenameFolderPayload } from './enqueue-imap-op';
import { loadMailbox } from './mailbox-state';
import { syncFolderNow } from './sync-folder-now';

/**
 * After a RENAME reached the server: the folder and its children are synced before any
 * later queued op names their UIDs. A server may give a renamed folder a new UIDVALIDITY
 * and renumber it (Courier-IMAP does; RFC 3501 §6.3.5 allows it), and the sync rebuilds a
 * folder whose UIDVALIDITY changed. Best effort: a later op's own UIDVALIDITY check
 * (renumbered-folder.ts) still guards it, and a failure here must not make a rename that
 * happened on the server look refused (which would undo it in the mirror).
 */
export async function resyncRenamedFolder(
  ctx: ApplyContext,
  payload: RenameFolderPayload,
): Promise<void> {
  const childPrefix = `${payload.toPath}${payload.delimiter}`;
  // folders the mirror names by the new path; a later queued rename may have moved the
  // mirror on already, and those folders are synced when that rename is applied
  const renamed = rowsOf<{ id: string }>(
    await ctx.db.execute(sql`select id from mailbox where account_id = ${ctx.account.id}
      and (path = ${payload.toPath}
        or left(path, ${childPrefix.length}) = ${childPrefix})
      order by path`),
  );
  for (const { id } of renamed) {
    try {
      const folder = await loadMailbox(ctx.db, ctx.account.id, id);
      if (folder) await syncFolderNow(ctx, folder);
    } catch {
      // the next sync pass converges; the queued ops check UIDVALIDITY themselves
    }
  }
}
