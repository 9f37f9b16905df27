import {
  and,
  type Database,
  eq,
  mailAccount,
  mailbox,
  publishMailEvent,
  type SecretBox,
} from '@youjian/db';
import { folderStatus, type ImapFlow, openImap } from '@youjian/mail';
import { accountCredentials } from './account-credentials';
import { recordAccountError, recordAccountStatus } from './account-status';
import { capabilitiesOf } from './capabilities';
import { flagResyncBudget } from './flag-resync-budget';
import { throwIfAborted } from './folder-context';
import { updateMailbox, updateSyncProgress } from './mailbox-state';
import type { DecideOptions } from './strategy';
import { syncFolder } from './sync-folder';
import { type MailboxRow, syncFolderList } from './sync-folders';

export type AccountRow = typeof mailAccount.$inferSelect;

export async function loadAccount(db: Database, accountId: string): Promise<AccountRow | null> {
  const [row] = await db.select().from(mailAccount).where(eq(mailAccount.id, accountId));
  return row ?? null;
}

export interface SyncMailboxesOptions extends DecideOptions {
  db: Database;
  client: ImapFlow;
  account: AccountRow;
  signal?: AbortSignal;
  /** 'inbox': only INBOX, from the stored folder list (between full passes); default all */
  folders?: 'all' | 'inbox';
  /** IDLE reported changed flags in INBOX: resync its flags now, whatever is due */
  inboxFlagsChanged?: boolean;
}

/**
 * One pass over an account on an open session: the folder list, then every folder,
 * INBOX first and each newest-first, with first-sync progress on the account.
 */
export async function syncMailboxes(options: SyncMailboxesOptions): Promise<void> {
  const { db, client, account, signal } = options;
  const capabilities = capabilitiesOf(client);
  if (capabilities.join(' ') !== account.capabilities.join(' ')) {
    await db.update(mailAccount).set({ capabilities }).where(eq(mailAccount.id, account.id));
  }
  const mailboxes =
    options.folders === 'inbox'
      ? await db
          .select()
          .from(mailbox)
          .where(and(eq(mailbox.accountId, account.id), eq(mailbox.role, 'inbox')))
      : await syncFolderList(db, client, account);
  const firstSync = mailboxes.some((row) => !row.firstSyncDone);
  if (firstSync) await startProgress(options, mailboxes);
  const resyncAllowed = flagResyncBudget(mailboxes);
  for (const mailbox of mailboxes) {
    throwIfAborted(signal);
    const flagResync =
      options.inboxFlagsChanged && mailbox.role === 'inbox'
        ? 'now'
        : resyncAllowed.has(mailbox.id)
          ? 'when_due'
          : 'deferred';
    await syncFolder(
      {
        db,
        client,
        account,
        mailbox,
        capabilities,
        signal,
        onProgress: async () => {
          await updateSyncProgress(db, account.id);
          // the account list shows first-sync progress in %: keep open tabs current
          await publishMailEvent(db.$client, {
            kind: 'account_changed',
            userId: account.userId,
            accountId: account.id,
          });
        },
      },
      { ...options, flagResync },
    );
  }
  if (firstSync || account.status !== 'ok') {
    await updateSyncProgress(db, account.id);
    await recordAccountStatus(db, account, 'ok', options.folders === 'inbox' ? undefined : 100);
  }
}

/** STATUS of unfinished folders up front, so progress in % has a denominator. */
async function startProgress(options: SyncMailboxesOptions, mailboxes: MailboxRow[]) {
  const { db, client, account } = options;
  for (const row of mailboxes.filter((m) => !m.firstSyncDone)) {
    const status = await folderStatus(client, row.path);
    await updateMailbox(db, account.id, row.id, { serverMessageCount: status.messages });
  }
  const progress = await updateSyncProgress(db, account.id);
  await recordAccountStatus(db, account, 'syncing', progress);
}

export async function closeSession(client: ImapFlow): Promise<void> {
  try {
    await client.logout();
  } catch {
    client.close();
  }
}

/** The contract's one-shot sync: connect, mirror every folder, disconnect. */
export async function syncAccount(options: {
  db: Database;
  accountId: string;
  secretBox: SecretBox;
  signal?: AbortSignal;
}): Promise<void> {
  const { db, accountId, secretBox, signal } = options;
  const account = await loadAccount(db, accountId);
  if (!account) throw new Error(`mail account ${accountId} does not exist`);
  let client: ImapFlow | undefined;
  try {
    client = await openImap(accountCredentials(account, secretBox));
    await syncMailboxes({ db, client, account, signal });
  } catch (error) {
    if (!signal?.aborted) await recordAccountError(db, account, error);
    throw error;
  } finally {
    if (client) await closeSession(client);
  }
}
