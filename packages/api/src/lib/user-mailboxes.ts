import { type Database, eq, mailAccount, mailbox } from '@youjian/db';
import type { ScopeAccount, ScopeFolder } from './message-scope';

/**
 * The signed-in user's linked mailboxes (in the order they were linked) and every folder
 * of them: what resolveMessageScope decides from. Both queries filter by the user.
 */
export async function loadUserMailboxes(
  db: Database,
  userId: string,
): Promise<{ accounts: ScopeAccount[]; folders: ScopeFolder[] }> {
  const [accounts, folders] = await Promise.all([
    db
      .select({ id: mailAccount.id, address: mailAccount.address })
      .from(mailAccount)
      .where(eq(mailAccount.userId, userId))
      .orderBy(mailAccount.createdAt),
    db
      .select({
        accountId: mailbox.accountId,
        id: mailbox.id,
        name: mailbox.name,
        path: mailbox.path,
        role: mailbox.role,
      })
      .from(mailbox)
      .innerJoin(mailAccount, eq(mailAccount.id, mailbox.accountId))
      .where(eq(mailAccount.userId, userId)),
  ]);
  return { accounts, folders };
}
