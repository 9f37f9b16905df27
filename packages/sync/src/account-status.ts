import { type AccountStatus, type Database, eq, mailAccount, publishMailEvent } from '@youjian/db';
import { MailError } from '@youjian/mail';
import { errorRecordOf } from './error-record';

/** The status a user sees for a failure: the authorization code, the network, or else. */
export function accountStatusOf(error: unknown): AccountStatus {
  if (!(error instanceof MailError)) return 'error';
  if (error.code === 'AUTH_FAILED') return 'auth_failed';
  if (
    error.code === 'HOST_UNREACHABLE' ||
    error.code === 'TIMEOUT' ||
    error.code === 'TLS_FAILED'
  ) {
    return 'unreachable';
  }
  return 'error';
}

interface AccountRef {
  id: string;
  userId: string;
}

async function publishAccountChanged(db: Database, account: AccountRef): Promise<void> {
  await publishMailEvent(db.$client, {
    kind: 'account_changed',
    userId: account.userId,
    accountId: account.id,
  });
}

/** The mailbox's sync failed: its status, the problem's code, parameters and text, and when. */
export async function recordAccountError(
  db: Database,
  account: AccountRef,
  error: unknown,
): Promise<void> {
  await db
    .update(mailAccount)
    .set({
      status: accountStatusOf(error),
      ...errorRecordOf(error),
      lastErrorAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(mailAccount.id, account.id));
  await publishAccountChanged(db, account);
}

export async function recordAccountStatus(
  db: Database,
  account: AccountRef,
  status: AccountStatus,
  syncProgress?: number,
): Promise<void> {
  await db
    .update(mailAccount)
    .set({ status, updatedAt: new Date(), ...(syncProgress === undefined ? {} : { syncProgress }) })
    .where(eq(mailAccount.id, account.id));
  await publishAccountChanged(db, account);
}
