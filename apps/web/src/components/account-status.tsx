'use client';

import type { RouterOutputs } from '@youjian/api';
import { useLocale, useTranslations } from 'next-intl';
import { useProblemText } from '../i18n/use-error-text';
import { formatFullDate } from '../lib/format-date';
import { NewCodeForm } from './accounts/new-code-form';

type Account = RouterOutputs['accounts']['list'][number];

/** Sync state in words: what the worker is doing with this mailbox, or why it cannot. */
export function AccountStatus({ account }: { account: Account }) {
  const t = useTranslations('accounts');
  const problemText = useProblemText();
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
          {account.problem && `: ${problemText(account.problem)}`}
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

/** Problems about a change made here, worth showing while the sync itself is fine. */
const CHANGE_PROBLEMS = new Set(['CHANGE_REFUSED', 'CHANGES_DROPPED']);

/**
 * The sync is fine but the provider refused a change made here (a move to a folder
 * deleted meanwhile, …): the change was undone in the mailbox, and the user is told why.
 */
function RefusedChange({ account }: { account: Account }) {
  const problemText = useProblemText();
  if (!account.problem?.code || !CHANGE_PROBLEMS.has(account.problem.code)) return null;
  return (
    <span className="status failed" role="status">
      {problemText(account.problem)}
      <WhenItHappened at={account.lastErrorAt} />
    </span>
  );
}
