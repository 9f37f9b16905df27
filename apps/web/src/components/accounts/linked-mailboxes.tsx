'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useErrorText } from '../../i18n/use-error-text';
import { useTRPC } from '../../trpc/react';
import { AccountStatus } from '../account-status';

export function LinkedMailboxes() {
  const t = useTranslations('accounts');
  const app = useTranslations('app');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const accounts = useQuery(trpc.accounts.list.queryOptions());
  const remove = useMutation(
    trpc.accounts.remove.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() }),
    }),
  );

  if (accounts.isPending) return <p className="muted">{app('loading')}</p>;
  if (accounts.error) return <p className="error">{errorText(accounts.error)}</p>;
  if (accounts.data.length === 0) {
    return <p className="muted">{t('noneLinked')}</p>;
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
              aria-label={t('removeLabel', { address: account.address })}
              disabled={remove.isPending}
              onClick={() => {
                const confirmed = window.confirm(t('confirmRemove', { address: account.address }));
                if (confirmed) remove.mutate({ accountId: account.id });
              }}
            >
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
      {remove.error && <p className="error">{errorText(remove.error)}</p>}
    </>
  );
}
