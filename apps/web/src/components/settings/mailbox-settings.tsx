'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@youjian/api';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { useErrorText } from '../../i18n/use-error-text';
import { mailboxColour } from '../../lib/account-colour';
import { useTRPC } from '../../trpc/react';

type Account = RouterOutputs['accounts']['list'][number];

/**
 * Settings → Mailboxes: per linked mailbox the name its mail is sent under and its colour,
 * the order of the mailboxes (folder pane, unified lists) and the one new mail is sent
 * from. Each change is saved at once (accounts.update / reorder, preferences.update).
 */
export function MailboxSettings() {
  const t = useTranslations('settings');
  const app = useTranslations('app');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const accounts = useQuery(trpc.accounts.list.queryOptions());
  const preferences = useQuery(trpc.preferences.get.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() });
  const update = useMutation(trpc.accounts.update.mutationOptions({ onSettled: refresh }));
  const reorder = useMutation(trpc.accounts.reorder.mutationOptions({ onSettled: refresh }));
  const saveDefault = useMutation(
    trpc.preferences.update.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.preferences.get.queryKey(), saved),
    }),
  );
  const senderId = useId();
  const error = update.error ?? reorder.error ?? saveDefault.error;

  if (accounts.isPending) return null;
  if (accounts.error || accounts.data.length === 0) return null;
  const list = accounts.data;
  const ids = list.map((account) => account.id);
  const move = (index: number, by: -1 | 1) => {
    const next = [...ids];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + by, 0, moved);
    reorder.mutate({ accountIds: next });
  };

  return (
    <section aria-labelledby="mailboxes-heading" className="card">
      <h2 id="mailboxes-heading">{t('mailboxes')}</h2>
      {/* groups, not list items: e2e and people find a linked mailbox's list item by its
          address in "Linked mailboxes" above */}
      <div className="mailbox-settings">
        {list.map((account, index) => (
          <MailboxRow
            key={account.id}
            account={account}
            colour={mailboxColour(list, account.id)}
            first={index === 0}
            last={index === list.length - 1}
            busy={reorder.isPending}
            onMove={(by) => move(index, by)}
            onSave={(change) => update.mutate({ accountId: account.id, ...change })}
          />
        ))}
      </div>
      <div className="field">
        <label htmlFor={senderId}>{t('defaultSender')}</label>
        <select
          id={senderId}
          value={
            saveDefault.variables?.defaultAccountId ?? preferences.data?.defaultAccountId ?? ''
          }
          disabled={!preferences.data || saveDefault.isPending}
          onChange={(event) => saveDefault.mutate({ defaultAccountId: event.target.value || null })}
        >
          <option value="">{t('defaultSenderFirst')}</option>
          {list.map((account) => (
            <option key={account.id} value={account.id}>
              {account.address}
            </option>
          ))}
        </select>
      </div>
      {(update.isPending || reorder.isPending) && <p className="muted">{app('loading')}</p>}
      {error && (
        <p role="alert" className="error">
          {errorText(error)}
        </p>
      )}
    </section>
  );
}

function MailboxRow(props: {
  account: Account;
  colour: string;
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove: (by: -1 | 1) => void;
  onSave: (change: { displayName?: string; colour?: string | null }) => void;
}) {
  const { account } = props;
  const t = useTranslations('settings');
  const nameId = useId();
  const colourId = useId();
  return (
    <fieldset className="mailbox-setting">
      <legend className="mailbox-setting-address">
        <span aria-hidden="true" className="account-swatch" style={{ background: props.colour }} />
        {account.address}
      </legend>
      <div className="mailbox-setting-body">
        <div className="mailbox-setting-fields">
          <label htmlFor={nameId}>{t('displayName')}</label>
          <input
            id={nameId}
            defaultValue={account.displayName}
            maxLength={200}
            placeholder={t('displayNameHint')}
            onBlur={(event) => {
              if (event.target.value.trim() !== account.displayName) {
                props.onSave({ displayName: event.target.value });
              }
            }}
          />
          <label htmlFor={colourId}>{t('colour')}</label>
          <input
            id={colourId}
            type="color"
            className="colour-input"
            value={props.colour}
            onChange={(event) => props.onSave({ colour: event.target.value })}
          />
        </div>
        <div className="mailbox-setting-order">
          <button
            type="button"
            className="small-button icon-button"
            aria-label={t('moveUp', { address: account.address })}
            disabled={props.first || props.busy}
            onClick={() => props.onMove(-1)}
          >
            <ArrowUp aria-hidden="true" className="icon" size={14} />
          </button>
          <button
            type="button"
            className="small-button icon-button"
            aria-label={t('moveDown', { address: account.address })}
            disabled={props.last || props.busy}
            onClick={() => props.onMove(1)}
          >
            <ArrowDown aria-hidden="true" className="icon" size={14} />
          </button>
        </div>
      </div>
    </fieldset>
  );
}
