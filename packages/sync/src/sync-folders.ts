import {
  and,
  type Database,
  eq,
  inArray,
  mailAccount,
  mailbox,
  message,
  publishMailEvent,
  sql,
} from '@youjian/db';
import {
  type ImapFlow,
  listFolders,
  type PersonalNamespace,
  personalNamespaceOf,
  type RemoteFolder,
} from '@youjian/mail';
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
  account: { id: string; userId: string; personalNamespace?: PersonalNamespace | null },
): Promise<MailboxRow[]> {
  const accountId = account.id;
  const namespace = personalNamespaceOf(client);
  if (!sameNamespace(account.personalNamespace, namespace)) {
    await recordPersonalNamespace(db, accountId, namespace);
  }
  // queued folder changes the server has not seen yet are not undone by its list
  const pending = await pendingFolderPaths(db, accountId);
  const remote = dedupeRoles(
    (await listFolders(client)).filter(
      (folder) => folder.selectable && !pending.isIgnored(folder.path),
    ),
  );
  const stored = await db.select().from(mailbox).where(eq(mailbox.accountId, accountId));
  const storedByPath = new Map(stored.map((row) => [row.path, row]));
  const serverPaths = new Set(remote.map((folder) => folder.path));
  const changed = remote.filter((folder) => !sameFolder(storedByPath.get(folder.path), folder));
  const gone = stored
    .filter((row) => !serverPaths.has(row.path) && !pending.isKept(row.path))
    .map((row) => row.id);
  // the usual pass: the list is as mirrored, nothing to write
  if (changed.length === 0 && gone.length === 0) {
    return stored.filter((row) => serverPaths.has(row.path)).sort(folderSyncOrder);
  }
  const rows = await db.transaction(async (tx) => {
    if (changed.length > 0) {
      await tx
        .insert(mailbox)
        .values(
          changed.map((folder) => ({
            accountId,
            path: folder.path,
            delimiter: folder.delimiter,
            name: folder.name,
            role: folder.role,
          })),
        )
        .onConflictDoUpdate({
          target: [mailbox.accountId, mailbox.path],
          set: {
            delimiter: sql`excluded.delimiter`,
            name: sql`excluded.name`,
            role: sql`excluded.role`,
            updatedAt: sql`now()`,
          },
        });
    }
    if (gone.length > 0) {
      await tx
        .delete(message)
        .where(and(eq(message.accountId, accountId), inArray(message.mailboxId, gone)));
      await tx
        .delete(mailbox)
        .where(and(eq(mailbox.accountId, accountId), inArray(mailbox.id, gone)));
    }
    return tx.select().from(mailbox).where(eq(mailbox.accountId, accountId));
  });
  const listChanged =
    remote.length !== stored.length || remote.some((folder) => !storedByPath.has(folder.path));
  if (listChanged) {
    await publishMailEvent(db.$client, {
      kind: 'account_changed',
      userId: account.userId,
      accountId,
    });
  }
  return rows.filter((row) => serverPaths.has(row.path)).sort(folderSyncOrder);
}

/**
 * Keeps the server's personal namespace (RFC 2342) on the account, where the web app
 * reads it to give a new folder its server path. Writes only when it changed.
 */
async function recordPersonalNamespace(
  db: Database,
  accountId: string,
  namespace: PersonalNamespace,
): Promise<void> {
  const value = { prefix: namespace.prefix, delimiter: namespace.delimiter };
  await db
    .update(mailAccount)
    .set({ personalNamespace: value })
    .where(
      and(
        eq(mailAccount.id, accountId),
        sql`${mailAccount.personalNamespace} is distinct from ${JSON.stringify(value)}::jsonb`,
      ),
    );
}

/** Pure: whether the account row already holds the session's namespace. */
function sameNamespace(
  stored: PersonalNamespace | null | undefined,
  namespace: PersonalNamespace,
): boolean {
  return stored?.prefix === namespace.prefix && stored.delimiter === namespace.delimiter;
}

/** Pure: whether the mirrored row already says what the server lists. */
function sameFolder(row: MailboxRow | undefined, folder: RemoteFolder): boolean {
  return (
    row !== undefined &&
    row.delimiter === folder.delimiter &&
    row.name === folder.name &&
    row.role === folder.role
  );
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
