'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId } from 'react';
import { useErrorText } from '../../i18n/use-error-text';
import { useTRPC } from '../../trpc/react';

/**
 * Settings → Signatures: one plain-text signature per linked mailbox, which compose adds
 * below what is written in new mail and replies from that mailbox (compose.setSignature).
 */
export function SignatureSettings() {
  const t = useTranslations('signatures');
  const trpc = useTRPC();
  const accounts = useQuery(trpc.accounts.list.queryOptions());
  return (
    <section aria-labelledby="signatures-heading" className="card">
      <h2 id="signatures-heading">{t('title')}</h2>
      <p className="muted">{t('help')}</p>
      {accounts.data?.length === 0 && <p>{t('none')}</p>}
      <div className="stack">
        {accounts.data?.map((account) => (
          <SignatureForm
            key={account.id}
            accountId={account.id}
            address={account.address}
            signature={account.signature}
          />
        ))}
      </div>
    </section>
  );
}

function SignatureForm(props: { accountId: string; address: string; signature: string }) {
  const t = useTranslations('signatures');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const save = useMutation(
    trpc.compose.setSignature.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.accounts.list.queryFilter()),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const signature = String(new FormData(event.currentTarget).get('signature') ?? '');
    save.mutate({ accountId: props.accountId, signature });
  }

  return (
    <form className="stack" onSubmit={submit}>
      <label htmlFor={id}>{t('label', { address: props.address })}</label>
      <textarea id={id} name="signature" rows={3} defaultValue={props.signature} />
      <div className="dialog-actions">
        <span role="status" className="muted">
          {save.isSuccess && t('saved')}
        </span>
        <span className="spacer" />
        <button type="submit" disabled={save.isPending}>
          {t('save')}
        </button>
      </div>
      {save.isError && (
        <p role="alert" className="error">
          {errorText(save.error)}
        </p>
      )}
    </form>
  );
}
