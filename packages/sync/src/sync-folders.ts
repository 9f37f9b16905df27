import {
  and,
  type Database,
  eq,
  inArray,
  mailbox,
  message,
  publishMailEvent,
  sql,
} from '@youjian/db';
import { type ImapFlow, listFolders, type RemoteFolder } from '@youjian/mail';
import { pendingFolderPaths } from './pending-folder-paths';

export type MailboxRow = typeof mailbox.$inferSelect;

/** Roles first so the user sees INBOX, then Sent and Drafts, before the long tail. */
const ROLE_ORDER = ['inbox', 'sent', 'drafts', 'archive', 'junk', 'trash'];

export function folderSyncOrder(a: MailboxRow, b: MailboxRow): number {
  const rank = (row: MailboxRow) => {
    const i = row.role ? ROLE_ORDER.indexOf(row.role) : -1;
    return i === -1 ? ROLE_ORDER.length : i;
  };
  return rank(a) - rank(b) || a.path.localeCompare(b.path);
}

/**
 * Mirrors the folder list: selectable server folders are upserted with their roles
 * (SPECIAL-USE RFC 6154, XLIST, known names — decided in the mail package), and folders
 * gone from the server are removed from the mirror with their messages. IMAP has no
 * folder identity across a RENAME (RFC 3501 §6.3.5 gives the new name a new UIDVALIDITY
 * scope), so a rename is seen as a delete plus a create. Open tabs are told when the
 * list changed.
 */
export async function syncFolderList(
  db: Database,
  client: ImapFlow,
  account: { id: string; userId: string },
): Promise<MailboxRow[]> {
  const accountId = account.id;
  // queued folder changes the server has not seen yet are not undone by its list
  const pending = await pendingFolderPaths(db, accountId);
  const remote = (await listFolders(client)).filter(
    (folder) => folder.selectable && !pending.isIgnored(folder.path),
  );
  const before = new Set(
    (
      await db.select({ path: mailbox.path }).from(mailbox).where(eq(mailbox.accountId, accountId))
    ).map((row) => row.path),
  );
  const listChanged =
    remote.length !== before.size || remote.some((folder) => !before.has(folder.path));
  const rows = await db.transaction(async (tx) => {
    for (const folder of dedupeRoles(remote)) {
      await tx
        .insert(mailbox)
        .values({
          accountId,
          path: folder.path,
          delimiter: folder.delimiter,
          name: folder.name,
          role: folder.role,
        })
        .onConflictDoUpdate({
          target: [mailbox.accountId, mailbox.path],
          set: {
            delimiter: folder.delimiter,
            name: folder.name,
            role: folder.role,
            updatedAt: sql`now()`,
          },
        });
    }
    const rows = await tx.select().from(mailbox).where(eq(mailbox.accountId, accountId));
    const serverPaths = new Set(remote.map((folder) => folder.path));
    const gone = rows
      .filter((row) => !serverPaths.has(row.path) && !pending.isKept(row.path))
      .map((row) => row.id);
    if (gone.length > 0) {
      await tx
        .delete(message)
        .where(and(eq(message.accountId, accountId), inArray(message.mailboxId, gone)));
      await tx
        .delete(mailbox)
        .where(and(eq(mailbox.accountId, accountId), inArray(mailbox.id, gone)));
    }
    return rows.filter((row) => serverPaths.has(row.path)).sort(folderSyncOrder);
  });
  if (listChanged) {
    await publishMailEvent(db.$client, {
      kind: 'account_changed',
      userId: account.userId,
      accountId,
    });
  }
  return rows;
}

/** One folder per role: the UI's "Sent" must be unambiguous; later duplicates lose it. */
function dedupeRoles(folders: RemoteFolder[]): RemoteFolder[] {
  const seen = new Set<string>();
  return folders.map((folder) => {
    if (!folder.role) return folder;
    if (seen.has(folder.role)) return { ...folder, role: null };
    seen.add(folder.role);
    return folder;
  });
}
