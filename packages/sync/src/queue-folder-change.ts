import { and, eq, type FolderRole, mailbox, sql } from '@youjian/db';
import { rowsOf, type Tx } from './db-types';
import { enqueueImapOp } from './enqueue-imap-op';

/**
 * Folder changes made in the UI: the mirror changes at once, the server command is
 * queued in the same transaction (see apply-folder-op.ts for the worker's side).
 */
export async function queueFolderCreate(
  tx: Tx,
  options: {
    accountId: string;
    path: string;
    name: string;
    delimiter: string | null;
    role?: FolderRole | null;
  },
): Promise<{ folderId: string }> {
  const { accountId, path, name, delimiter } = options;
  const [row] = await tx
    .insert(mailbox)
    .values({ accountId, path, name, delimiter, role: options.role ?? null })
    .returning({ id: mailbox.id });
  if (!row) throw new Error('mailbox row not inserted');
  await enqueueImapOp(tx, {
    accountId,
    kind: 'create_folder',
    payload: { folderId: row.id, path },
  });
  return { folderId: row.id };
}

/** Renames the folder and, as the server will (RFC 3501 §6.3.5), the folders inside it. */
export async function queueFolderRename(
  tx: Tx,
  options: { accountId: string; folderId: string; toPath: string; toName: string },
): Promise<void> {
  const { accountId, folderId, toPath, toName } = options;
  const [folder] = await tx
    .select()
    .from(mailbox)
    .where(and(eq(mailbox.accountId, accountId), eq(mailbox.id, folderId)));
  if (!folder) return;
  const delimiter = folder.delimiter ?? '/';
  await renamePaths(tx, { accountId, fromPath: folder.path, toPath, delimiter });
  await tx
    .update(mailbox)
    .set({ name: toName })
    .where(and(eq(mailbox.accountId, accountId), eq(mailbox.id, folderId)));
  await enqueueImapOp(tx, {
    accountId,
    kind: 'rename_folder',
    payload: { folderId, fromPath: folder.path, fromName: folder.name, toPath, toName, delimiter },
  });
}

/** Moves a folder and its children from one path to another in the mirror. */
export async function renamePaths(
  tx: Tx,
  options: { accountId: string; fromPath: string; toPath: string; delimiter: string },
): Promise<void> {
  const { accountId, fromPath, toPath, delimiter } = options;
  const childPrefix = `${fromPath}${delimiter}`;
  await tx.execute(sql`update mailbox set
      path = case when path = ${fromPath} then ${toPath}
        else ${`${toPath}${delimiter}`} || substr(path, ${childPrefix.length + 1}) end,
      updated_at = now()
    where account_id = ${accountId}
      and (path = ${fromPath} or left(path, ${childPrefix.length}) = ${childPrefix})`);
}

/** Removes the folder with its messages from the mirror and queues DELETE. */
export async function queueFolderDelete(
  tx: Tx,
  options: { accountId: string; folderId: string },
): Promise<void> {
  const { accountId, folderId } = options;
  const [folder] = await tx
    .delete(mailbox)
    .where(and(eq(mailbox.accountId, accountId), eq(mailbox.id, folderId)))
    .returning({ path: mailbox.path });
  if (!folder) return;
  const removed = rowsOf<{ id: string }>(
    await tx.execute(sql`delete from message
      where account_id = ${accountId} and mailbox_id = ${folderId} returning id`),
  );
  if (removed.length > 0) {
    await tx.execute(sql`delete from message_body where account_id = ${accountId}
      and message_id = any(${sql.param(removed.map((row) => row.id))}::uuid[])`);
  }
  await enqueueImapOp(tx, {
    accountId,
    kind: 'delete_folder',
    payload: { folderId, path: folder.path },
  });
}
