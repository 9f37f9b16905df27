import type { RouterOutputs } from '@youjian/api';

type Account = RouterOutputs['accounts']['list'][number];

/** Sync state in words: what the worker is doing with this mailbox, or why it cannot. */
export function AccountStatus({ account }: { account: Account }) {
  switch (account.status) {
    case 'ok':
      return (
        <>
          <span className="status ok">Up to date</span>
          <RefusedChange account={account} />
        </>
      );
    case 'pending':
      return <span className="status">Waiting for first sync…</span>;
    case 'syncing':
      return (
        <span className="status">
          Syncing {account.syncProgress}%
          <progress
            max={100}
            value={account.syncProgress}
            aria-label={`${account.address} sync progress`}
          />
        </span>
      );
    default:
      return (
        <span className="status failed">
          <strong>{FAILURE_LABELS[account.status] ?? 'Sync failed'}</strong>
          {account.lastError && `: ${account.lastError}`}
          <WhenItHappened at={account.lastErrorAt} />
        </span>
      );
  }
}

const FAILURE_LABELS: Partial<Record<Account['status'], string>> = {
  auth_failed: 'Authorization failed',
  unreachable: 'Unreachable',
  error: 'Sync failed',
};

function WhenItHappened({ at }: { at: Date | null }) {
  if (!at) return null;
  return (
    <>
      {' '}
      (<time dateTime={at.toISOString()}>{at.toLocaleString()}</time>)
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
