import { and, asc, eq, mailbox, type PendingImapOpKind, pendingImapOp, sql } from '@youjian/db';
import {
  createServerFolder,
  deleteServerFolder,
  folderDisplayName,
  personalNamespaceOf,
  renameServerFolder,
  serverFolderPaths,
} from '@youjian/mail';
import type { ApplyContext } from './apply-context';
import { PermanentOpError } from './apply-context';
import type {
  CreateFolderPayload,
  DeleteFolderPayload,
  RenameFolderPayload,
} from './enqueue-imap-op';
import { renamePaths } from './queue-folder-change';
import { resyncRenamedFolder } from './resync-renamed-folder';

/*
 * Folder ops look at the server's folder list first, so a repeat after a crash between
 * the server's answer and the 'done' mark finds the work done and does nothing.
 */

export async function applyCreateFolder(ctx: ApplyContext, payload: CreateFolderPayload) {
  if ((await serverFolderPaths(ctx.client)).has(payload.path)) return;
  const created = await createServerFolder(ctx.client, payload.path);
  // queued before the account's namespace was known: the server put it below the prefix
  // (RFC 2342), and the mirror must name the folder by the path the server has
  if (created.path !== payload.path) await adoptServerPath(ctx, payload.folderId, created.path);
}

export async function applyRenameFolder(ctx: ApplyContext, payload: RenameFolderPayload) {
  const paths = await serverFolderPaths(ctx.client);
  if (paths.has(payload.toPath) && !paths.has(payload.fromPath)) {
    return resyncRenamedFolder(ctx, payload);
  }
  if (!paths.has(payload.fromPath)) {
    throw new PermanentOpError(
      `The folder "${payload.fromName}" no longer exists on the server.`,
      'FOLDER_GONE',
      { folder: payload.fromName },
    );
  }
  await renameServerFolder(ctx.client, payload.fromPath, payload.toPath);
  await resyncRenamedFolder(ctx, payload);
}

/**
 * DELETE of a folder the server no longer lists is not a silent success: the user is told,
 * unless an earlier try of this op may have deleted it already (a crash before the op was
 * marked done).
 */
export async function applyDeleteFolder(ctx: ApplyContext, payload: DeleteFolderPayload) {
  if (!(await serverFolderPaths(ctx.client)).has(payload.path)) {
    if (await triedBefore(ctx, 'delete_folder', payload.folderId)) return;
    const name = folderDisplayName(payload.path, personalNamespaceOf(ctx.client));
    throw new PermanentOpError(
      `The folder "${name}" was not on the server any more, so nothing was deleted there.`,
      'FOLDER_GONE',
      { folder: name },
    );
  }
  await deleteServerFolder(ctx.client, payload.path);
}

/** The mirror row takes the server's path, unless another row has that path already. */
async function adoptServerPath(ctx: ApplyContext, folderId: string, path: string) {
  const accountId = ctx.account.id;
  await ctx.db
    .update(mailbox)
    .set({ path, updatedAt: new Date() })
    .where(
      and(
        eq(mailbox.accountId, accountId),
        eq(mailbox.id, folderId),
        sql`not exists (select 1 from mailbox other
          where other.account_id = ${accountId} and other.path = ${path})`,
      ),
    );
}

/**
 * Whether an earlier try of the folder's queued op may have reached the server: the
 * attempt is counted before the server is touched (apply-pending-ops.ts), so a count
 * above one means this is a repeat.
 */
async function triedBefore(
  ctx: ApplyContext,
  kind: PendingImapOpKind,
  folderId: string,
): Promise<boolean> {
  const [op] = await ctx.db
    .select({ attempts: pendingImapOp.attempts })
    .from(pendingImapOp)
    .where(
      and(
        eq(pendingImapOp.accountId, ctx.account.id),
        eq(pendingImapOp.kind, kind),
        eq(pendingImapOp.state, 'pending'),
        sql`${pendingImapOp.payload}->>'folderId' = ${folderId}`,
      ),
    )
    .orderBy(asc(pendingImapOp.id))
    .limit(1);
  return (op?.attempts ?? 0) > 1;
}

/** A folder the server would not create disappears from the mirror again. */
export async function undoCreateFolder(ctx: ApplyContext, payload: CreateFolderPayload) {
  await ctx.db
    .delete(mailbox)
    .where(and(eq(mailbox.accountId, ctx.account.id), eq(mailbox.id, payload.folderId)));
}

/** A refused rename: the folder and its children get their old paths and name back. */
export async function undoRenameFolder(ctx: ApplyContext, payload: RenameFolderPayload) {
  await ctx.db.transaction(async (tx) => {
    await renamePaths(tx, {
      accountId: ctx.account.id,
      fromPath: payload.toPath,
      toPath: payload.fromPath,
      delimiter: payload.delimiter,
    });
    await tx
      .update(mailbox)
      .set({ name: payload.fromName })
      .where(and(eq(mailbox.accountId, ctx.account.id), eq(mailbox.id, payload.folderId)));
  });
}
