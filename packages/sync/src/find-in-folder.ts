import { and, type Database, eq, message } from '@youjian/db';
import type { ImapFlow } from '@youjian/mail';
import { syncFolderNow } from './sync-folder-now';
import type { MailboxRow } from './sync-folders';

/**
 * Is a message with this Message-ID in the folder on the server? The folder is synced
 * first and the mirror asked, instead of IMAP SEARCH, which QQ's server gets wrong.
 */
export async function findInFolder(
  ctx: { db: Database; client: ImapFlow; account: { id: string; userId: string } },
  folder: MailboxRow,
  messageIdHeader: string,
): Promise<boolean> {
  await syncFolderNow(ctx, folder);
  const [found] = await ctx.db
    .select({ id: message.id })
    .from(message)
    .where(
      and(
        eq(message.accountId, ctx.account.id),
        eq(message.mailboxId, folder.id),
        eq(message.messageId, messageIdHeader),
      ),
    )
    .limit(1);
  return found !== undefined;
}
