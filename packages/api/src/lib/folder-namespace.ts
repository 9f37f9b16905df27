import { and, eq, mailAccount, mailbox } from '@youjian/db';
import { type PersonalNamespace, ROOT_NAMESPACE } from '@youjian/mail';
import type { Transaction } from './owned-rows';

/**
 * The personal namespace (RFC 2342) the account's new folders go in: the one the worker
 * read at its last connect (prefix "INBOX." and "." at Courier or Cyrus). Before the
 * first connect, the empty prefix with the INBOX's delimiter; the worker then gives the
 * mirror the path the server really created (apply-folder-op.ts).
 */
export async function folderNamespaceOf(
  tx: Pick<Transaction, 'select'>,
  accountId: string,
): Promise<PersonalNamespace> {
  const [account] = await tx
    .select({ personalNamespace: mailAccount.personalNamespace })
    .from(mailAccount)
    .where(eq(mailAccount.id, accountId))
    .limit(1);
  if (account?.personalNamespace) return account.personalNamespace;
  const [inbox] = await tx
    .select({ delimiter: mailbox.delimiter })
    .from(mailbox)
    .where(and(eq(mailbox.accountId, accountId), eq(mailbox.role, 'inbox')))
    .limit(1);
  return { prefix: ROOT_NAMESPACE.prefix, delimiter: inbox?.delimiter ?? ROOT_NAMESPACE.delimiter };
}
