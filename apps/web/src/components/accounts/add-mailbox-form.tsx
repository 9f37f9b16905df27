'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterInputs } from '@youjian/api';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId, useState } from 'react';
import { useErrorText } from '../../i18n/use-error-text';
import { useTRPC } from '../../trpc/react';
import { useHydrated } from '../use-hydrated';

type LinkInput = RouterInputs['accounts']['link'];
type ProviderId = LinkInput['provider'];
type Security = 'tls' | 'starttls' | 'plain';

/** Short names people know the providers by; QQ and Other are said in the user's language. */
const PROVIDER_OPTIONS: { id: ProviderId; label: string | 'qq' | 'otherProvider' }[] = [
  { id: 'qq', label: 'qq' },
  { id: '163', label: '163' },
  { id: '126', label: '126' },
  { id: 'yeah', label: 'yeah.net' },
  { id: 'custom', label: 'otherProvider' },
];

export function AddMailboxForm() {
  const t = useTranslations('accounts');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const presets = useQuery(trpc.accounts.presets.queryOptions());
  const [provider, setProvider] = useState<ProviderId>('qq');
  const [added, setAdded] = useState<string | null>(null);
  const helpId = useId();
  const hydrated = useHydrated();
  const link = useMutation(
    trpc.accounts.link.mutationOptions({
      onSuccess: async (_result, input) => {
        setAdded(input.address);
        await queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() });
      },
    }),
  );
  const preset = presets.data?.find((candidate) => candidate.id === provider);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const endpoint = (prefix: 'imap' | 'smtp') => ({
      host: text(`${prefix}Host`),
      port: Number(text(`${prefix}Port`)),
      security: text(`${prefix}Security`) as Security,
    });
    setAdded(null);
    link.mutate(
      {
        provider,
        address: text('address'),
        authCode: String(form.get('authCode') ?? ''),
        custom:
          provider === 'custom' ? { imap: endpoint('imap'), smtp: endpoint('smtp') } : undefined,
      },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <form className="stack" onSubmit={submit}>
      <label className="field">
        <span>{t('provider')}</span>
        <select
          name="provider"
          value={provider}
          onChange={(event) => setProvider(event.target.value as ProviderId)}
        >
          {PROVIDER_OPTIONS.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label === 'qq' || option.label === 'otherProvider'
                ? t(option.label)
                : option.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('address')}</span>
        <input name="address" type="email" autoComplete="off" required placeholder="name@qq.com" />
      </label>
      <label className="field">
        <span>{t('authCode')}</span>
        <input
          name="authCode"
          type="password"
          autoComplete="off"
          required
          aria-describedby={helpId}
        />
      </label>
      <p id={helpId} className="hint">
        {provider === 'custom' ? t('customPasswordHelp') : t('authCodeHelp')}{' '}
        {provider !== 'custom' && preset?.authCodeHelp && (
          <span lang="zh-CN">{preset.authCodeHelp}</span>
        )}
      </p>
      {provider === 'custom' && <CustomServerFields />}
      <div role="alert" className="error" aria-live="assertive">
        {link.error && errorText(link.error)}
      </div>
      {added && (
        <p role="status" className="success">
          {t('linked', { address: added })}
        </p>
      )}
      <button type="submit" className="primary" disabled={link.isPending || !hydrated}>
        {link.isPending ? t('checking') : t('add')}
      </button>
    </form>
  );
}

function CustomServerFields() {
  const t = useTranslations('accounts');
  return (
    <fieldset className="server-fields">
      <legend>{t('servers')}</legend>
      <ServerRow protocol="IMAP" prefix="imap" port={993} />
      <ServerRow protocol="SMTP" prefix="smtp" port={465} />
    </fieldset>
  );
}

function ServerRow(props: { protocol: 'IMAP' | 'SMTP'; prefix: 'imap' | 'smtp'; port: number }) {
  const t = useTranslations('accounts');
  const protocol = props.protocol;
  return (
    <div className="server-row">
      <label className="field">
        <span>{t('host', { protocol })}</span>
        <input name={`${props.prefix}Host`} required placeholder={`${props.prefix}.example.com`} />
      </label>
      <label className="field narrow">
        <span>{t('port', { protocol })}</span>
        <input
          name={`${props.prefix}Port`}
          type="number"
          min={1}
          max={65535}
          defaultValue={props.port}
          required
        />
      </label>
      <label className="field narrow">
        <span>{t('security', { protocol })}</span>
        <select name={`${props.prefix}Security`} defaultValue="tls">
          <option value="tls">TLS</option>
          <option value="starttls">STARTTLS</option>
          <option value="plain">{t('securityNone')}</option>
        </select>
      </label>
    </div>
  );
}
