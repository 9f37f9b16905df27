import { asc, type Database, eq, inArray, mailAccount, mailbox, sql } from '@youjian/db';
import { attachmentLimitBytes, type ProviderId } from '@youjian/mail';
import { compareFolders } from '../lib/folder-order';
import { problemOf } from '../lib/problem';

export interface ListAccountsOptions {
  db: Database;
  userId: string;
}

/**
 * The user's linked mailboxes with their folders, signature and attachment limit; never
 * the sealed secret.
 */
export async function listAccounts({ db, userId }: ListAccountsOptions) {
  const accounts = await db
    .select({
      id: mailAccount.id,
      address: mailAccount.address,
      displayName: mailAccount.displayName,
      colour: mailAccount.colour,
      signature: mailAccount.signature,
      provider: mailAccount.provider,
      status: mailAccount.status,
      lastError: mailAccount.lastError,
      lastErrorCode: mailAccount.lastErrorCode,
      lastErrorParams: mailAccount.lastErrorParams,
      lastErrorAt: mailAccount.lastErrorAt,
      syncProgress: mailAccount.syncProgress,
      createdAt: mailAccount.createdAt,
    })
    .from(mailAccount)
    .where(eq(mailAccount.userId, userId))
    .orderBy(
      // the user's order (Settings), then mailboxes never placed by the time they were linked
      sql`${mailAccount.position} asc nulls last`,
      asc(mailAccount.createdAt),
      asc(mailAccount.address),
    );
  if (accounts.length === 0) return [];

  const folders = await db
    .select({
      accountId: mailbox.accountId,
      id: mailbox.id,
      path: mailbox.path,
      name: mailbox.name,
      role: mailbox.role,
      unreadCount: mailbox.unreadCount,
      totalCount: mailbox.totalCount,
    })
    .from(mailbox)
    .where(
      inArray(
        mailbox.accountId,
        accounts.map((account) => account.id),
      ),
    );
  folders.sort(compareFolders);

  return accounts.map(({ lastError, lastErrorCode, lastErrorParams, ...account }) => ({
    ...account,
    /** why the last sync or write-back failed, as a code the web puts in words */
    problem: problemOf({ lastError, lastErrorCode, lastErrorParams }),
    /** what compose may attach to one mail from this mailbox, bytes */
    attachmentLimitBytes: attachmentLimitBytes(account.provider as ProviderId),
    folders: folders
      .filter((folder) => folder.accountId === account.id)
      .map(({ accountId: _accountId, ...folder }) => folder),
  }));
}
