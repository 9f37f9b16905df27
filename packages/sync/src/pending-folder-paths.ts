import { and, eq, inArray, pendingImapOp } from '@youjian/db';
import type { DbOrTx } from './db-types';

/**
 * Folder paths with a queued change the server has not seen yet. Until it has, the
 * folder-list sync must not undo the user's change: a created or renamed-to path is kept
 * though the server lacks it, a renamed-from or deleted path is ignored though the
 * server still lists it.
 */
export async function pendingFolderPaths(
  db: DbOrTx,
  accountId: string,
): Promise<PendingFolderPaths> {
  const ops = await db
    .select({ kind: pendingImapOp.kind, payload: pendingImapOp.payload })
    .from(pendingImapOp)
    .where(
      and(
        eq(pendingImapOp.accountId, accountId),
        eq(pendingImapOp.state, 'pending'),
        inArray(pendingImapOp.kind, ['create_folder', 'rename_folder', 'delete_folder']),
      ),
    );
  const keep: string[] = [];
  const ignore: string[] = [];
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  for (const { kind, payload } of ops) {
    const path = text(payload.path);
    const fromPath = text(payload.fromPath);
    const toPath = text(payload.toPath);
    const delimiter = text(payload.delimiter) ?? '/';
    if (kind === 'create_folder' && path) keep.push(path);
    if (kind === 'delete_folder' && path) ignore.push(path);
    if (kind === 'rename_folder' && fromPath && toPath) {
      // RENAME carries the folder's children along (RFC 3501 §6.3.5)
      ignore.push(fromPath, `${fromPath}${delimiter}`);
      keep.push(toPath, `${toPath}${delimiter}`);
    }
  }
  const matches = (list: string[]) => (path: string) =>
    list.some((entry) => path === entry || (entry.length > 0 && isPrefix(entry, path)));
  return { isKept: matches(keep), isIgnored: matches(ignore) };
}

/** Entries ending in a delimiter stand for everything below them. */
const isPrefix = (entry: string, path: string) => /[/.]$/.test(entry) && path.startsWith(entry);

export interface PendingFolderPaths {
  isKept: (path: string) => boolean;
  isIgnored: (path: string) => boolean;
}
