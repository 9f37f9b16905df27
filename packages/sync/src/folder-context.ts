import { type Database, publishMailEvent } from '@youjian/db';
import type { ImapFlow } from '@youjian/mail';
import type { MailboxRow } from './sync-folders';

/** Everything one folder sync needs; built by syncAccount, passed down, never global. */
export interface FolderSyncContext {
  db: Database;
  client: ImapFlow;
  account: { id: string; userId: string };
  mailbox: MailboxRow;
  capabilities: string[];
  signal?: AbortSignal;
  /** called after every committed window (first-sync progress) */
  onProgress?: () => Promise<void>;
}

/** Tells open browser tabs that the folder changed (Postgres NOTIFY, see @youjian/db events). */
export async function announceMailboxChange(ctx: FolderSyncContext): Promise<void> {
  await publishMailEvent(ctx.db.$client, {
    kind: 'mailbox_changed',
    userId: ctx.account.userId,
    accountId: ctx.account.id,
    mailboxId: ctx.mailbox.id,
  });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new Error('sync aborted');
}
