'use client';

import type { RouterOutputs } from '@youjian/api';
import { useLocale, useTranslations } from 'next-intl';
import { formatFullDate } from '../lib/format-date';
import { NewCodeForm } from './accounts/new-code-form';

type Account = RouterOutputs['accounts']['list'][number];

/** Sync state in words: what the worker is doing with this mailbox, or why it cannot. */
export function AccountStatus({ account }: { account: Account }) {
  const t = useTranslations('accounts');
  switch (account.status) {
    case 'ok':
      return (
        <>
          <span className="status ok">{t('upToDate')}</span>
          <RefusedChange account={account} />
        </>
      );
    case 'pending':
      return <span className="status">{t('waiting')}</span>;
    case 'auth_failed':
      return <NewCodeForm account={account} />;
    case 'syncing':
      return (
        <span className="status">
          {t('syncing', { percent: account.syncProgress })}
          <progress
            max={100}
            value={account.syncProgress}
            aria-label={t('syncProgress', { address: account.address })}
          />
        </span>
      );
    default:
      return (
        <span className="status failed">
          <strong>{t(FAILURE_LABELS[account.status] ?? 'syncFailed')}</strong>
          {account.lastError && `: ${account.lastError}`}
          <WhenItHappened at={account.lastErrorAt} />
        </span>
      );
  }
}

const FAILURE_LABELS: Partial<
  Record<Account['status'], 'authFailed' | 'unreachable' | 'syncFailed'>
> = {
  auth_failed: 'authFailed',
  unreachable: 'unreachable',
  error: 'syncFailed',
};

function WhenItHappened({ at }: { at: Date | null }) {
  const locale = useLocale();
  if (!at) return null;
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <>
      {' '}
      (<time dateTime={at.toISOString()}>{formatFullDate(at, { locale, timeZone })}</time>)
    </>
  );
}

/**
 * The sync is fine but the provider refused a change made here (a move to a folder
 * deleted meanwhile, …): the change was undone in the mailbox, and the user is told why.
 */
function RefusedChange({ account }: { account: Account }) {
  if (!account.lastError?.startsWith('A change could not be applied')) return null;
  return (
    <span className="status failed" role="status">
      {account.lastError}
      <WhenItHappened at={account.lastErrorAt} />
    </span>
  );
}
