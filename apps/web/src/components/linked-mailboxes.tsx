'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../trpc/react';
import { AccountStatus } from './account-status';

export function LinkedMailboxes() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const accounts = useQuery(trpc.accounts.list.queryOptions());
  const remove = useMutation(
    trpc.accounts.remove.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() }),
    }),
  );

  if (accounts.isPending) return <p className="muted">Loading…</p>;
  if (accounts.error) return <p className="error">{accounts.error.message}</p>;
  if (accounts.data.length === 0) {
    return <p className="muted">No mailbox linked yet. Add one below.</p>;
  }
  return (
    <>
      <ul className="linked-list">
        {accounts.data.map((account) => (
          <li key={account.id}>
            <div>
              <strong>{account.address}</strong>
              <AccountStatus account={account} />
            </div>
            <button
              type="button"
              aria-label={`Remove ${account.address}`}
              disabled={remove.isPending}
              onClick={() => {
                const confirmed = window.confirm(
                  `Remove ${account.address}? Its mail stays at the provider; Youjian forgets its copy.`,
                );
                if (confirmed) remove.mutate({ accountId: account.id });
              }}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {remove.error && <p className="error">{remove.error.message}</p>}
    </>
  );
}
