import { and, eq, mailbox } from '@youjian/db';
import {
  createServerFolder,
  deleteServerFolder,
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

/*
 * Folder ops look at the server's folder list first, so a repeat after a crash between
 * the server's answer and the 'done' mark finds the work done and does nothing.
 */

export async function applyCreateFolder(ctx: ApplyContext, payload: CreateFolderPayload) {
  if ((await serverFolderPaths(ctx.client)).has(payload.path)) return;
  await createServerFolder(ctx.client, payload.path);
}

export async function applyRenameFolder(ctx: ApplyContext, payload: RenameFolderPayload) {
  const paths = await serverFolderPaths(ctx.client);
  if (paths.has(payload.toPath) && !paths.has(payload.fromPath)) return;
  if (!paths.has(payload.fromPath)) {
    throw new PermanentOpError(`The folder "${payload.fromName}" no longer exists on the server.`);
  }
  await renameServerFolder(ctx.client, payload.fromPath, payload.toPath);
}

export async function applyDeleteFolder(ctx: ApplyContext, payload: DeleteFolderPayload) {
  if (!(await serverFolderPaths(ctx.client)).has(payload.path)) return;
  await deleteServerFolder(ctx.client, payload.path);
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
