import { type Database, eq, mailAccount, mailbox } from '@youjian/db';
import type { ScopeAccount, ScopeFolder } from './message-scope';

/**
 * The signed-in user's linked mailboxes (in the order they were linked) and every folder
 * of them: what resolveMessageScope decides from. One statement filtered by the user — a
 * mailbox without folders still comes back (left join) — because every list and search
 * call runs it, and each round trip costs the web process CPU (driver, ORM) and a pooled
 * connection.
 */
export async function loadUserMailboxes(
  db: Database,
  userId: string,
): Promise<{ accounts: ScopeAccount[]; folders: ScopeFolder[] }> {
  const rows = await db
    .select({
      accountId: mailAccount.id,
      address: mailAccount.address,
      id: mailbox.id,
      name: mailbox.name,
      path: mailbox.path,
      role: mailbox.role,
    })
    .from(mailAccount)
    .leftJoin(mailbox, eq(mailbox.accountId, mailAccount.id))
    .where(eq(mailAccount.userId, userId))
    .orderBy(mailAccount.createdAt, mailAccount.id);
  const accounts: ScopeAccount[] = [];
  const folders: ScopeFolder[] = [];
  for (const row of rows) {
    if (accounts[accounts.length - 1]?.id !== row.accountId) {
      accounts.push({ id: row.accountId, address: row.address });
    }
    if (row.id !== null && row.name !== null && row.path !== null) {
      folders.push({
        accountId: row.accountId,
        id: row.id,
        name: row.name,
        path: row.path,
        role: row.role,
      });
    }
  }
  return { accounts, folders };
}
