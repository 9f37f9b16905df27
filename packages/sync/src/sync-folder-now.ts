import type { Database } from '@youjian/db';
import type { ImapFlow } from '@youjian/mail';
import { capabilitiesOf } from './capabilities';
import { syncFolder } from './sync-folder';
import type { MailboxRow } from './sync-folders';

/** Brings one folder's mirror up to date on the write-back queue's session. */
export async function syncFolderNow(
  ctx: { db: Database; client: ImapFlow; account: { id: string; userId: string } },
  folder: MailboxRow,
): Promise<void> {
  await syncFolder({
    db: ctx.db,
    client: ctx.client,
    account: ctx.account,
    mailbox: folder,
    capabilities: capabilitiesOf(ctx.client),
  });
}
