'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@youjian/api';
import { KeyRound } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId, useState } from 'react';
import { useErrorText } from '../../i18n/use-error-text';
import { newCodeHowKey } from '../../lib/new-code-how';
import { useTRPC } from '../../trpc/react';
import { useHydrated } from '../use-hydrated';

type Account = RouterOutputs['accounts']['list'][number];

/**
 * A mailbox whose 授权码 the provider refused: says so, says where that provider gives a
 * new one, and takes it here (accounts.updateCode checks it like a link) — no relinking,
 * the mirror stays.
 */
export function NewCodeForm({ account }: { account: Account }) {
  const t = useTranslations('accounts');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const update = useMutation(
    trpc.accounts.updateCode.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() });
      },
    }),
  );
  const howTo = newCodeHowKey(account.provider);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const authCode = String(new FormData(event.currentTarget).get('authCode') ?? '');
    update.mutate({ accountId: account.id, authCode });
  }

  return (
    <div className="account-problem" role="status">
      <p>
        <strong>{t('codeRejected', { address: account.address })}</strong> {t(howTo)}
      </p>
      {open ? (
        <form className="new-code-form" onSubmit={submit}>
          <label htmlFor={inputId}>{t('newCode', { address: account.address })}</label>
          <input
            id={inputId}
            name="authCode"
            type="password"
            autoComplete="off"
            required
            // opened on purpose by the user, who pastes the code next
            // biome-ignore lint/a11y/noAutofocus: see above
            autoFocus
          />
          <button type="submit" className="primary" disabled={!hydrated || update.isPending}>
            {update.isPending ? t('checking') : t('saveCode')}
          </button>
          {update.error && (
            <p className="error small" role="alert">
              {errorText(update.error)}
            </p>
          )}
        </form>
      ) : (
        <button type="button" className="small-button icon-button" onClick={() => setOpen(true)}>
          <KeyRound aria-hidden="true" className="icon" size={14} />
          {t('enterNewCode')}
        </button>
      )}
    </div>
  );
}
