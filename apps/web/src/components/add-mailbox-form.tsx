'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterInputs } from '@youjian/api';
import { type FormEvent, useId, useState } from 'react';
import { useTRPC } from '../trpc/react';
import { useHydrated } from './use-hydrated';

type LinkInput = RouterInputs['accounts']['link'];
type ProviderId = LinkInput['provider'];
type Security = 'tls' | 'starttls' | 'plain';

/** Short names people know the providers by; the preset label stays as the help title. */
const PROVIDER_OPTIONS: { id: ProviderId; label: string }[] = [
  { id: 'qq', label: 'QQ Mail' },
  { id: '163', label: '163' },
  { id: '126', label: '126' },
  { id: 'yeah', label: 'yeah.net' },
  { id: 'custom', label: 'Other (IMAP/SMTP)' },
];

export function AddMailboxForm() {
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
        <span>Provider</span>
        <select
          name="provider"
          value={provider}
          onChange={(event) => setProvider(event.target.value as ProviderId)}
        >
          {PROVIDER_OPTIONS.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Email address</span>
        <input name="address" type="email" autoComplete="off" required placeholder="name@qq.com" />
      </label>
      <label className="field">
        <span>Authorization code</span>
        <input
          name="authCode"
          type="password"
          autoComplete="off"
          required
          aria-describedby={helpId}
        />
      </label>
      <p id={helpId} className="hint" lang={provider === 'custom' ? 'en' : 'zh-CN'}>
        {provider === 'custom'
          ? 'Use the password or app password your provider gives for IMAP and SMTP.'
          : `Use the 授权码 (authorization code), not your login password. ${preset?.authCodeHelp ?? ''}`}
      </p>
      {provider === 'custom' && <CustomServerFields />}
      <div role="alert" className="error" aria-live="assertive">
        {link.error?.message}
      </div>
      {added && (
        <p role="status" className="success">
          {added} is linked. The first sync has started.
        </p>
      )}
      <button type="submit" className="primary" disabled={link.isPending || !hydrated}>
        {link.isPending ? 'Checking IMAP and SMTP…' : 'Add mailbox'}
      </button>
    </form>
  );
}

function CustomServerFields() {
  return (
    <fieldset className="server-fields">
      <legend>Servers</legend>
      <ServerRow protocol="IMAP" prefix="imap" port={993} />
      <ServerRow protocol="SMTP" prefix="smtp" port={465} />
    </fieldset>
  );
}

function ServerRow(props: { protocol: 'IMAP' | 'SMTP'; prefix: 'imap' | 'smtp'; port: number }) {
  return (
    <div className="server-row">
      <label className="field">
        <span>{props.protocol} host</span>
        <input name={`${props.prefix}Host`} required placeholder={`${props.prefix}.example.com`} />
      </label>
      <label className="field narrow">
        <span>{props.protocol} port</span>
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
        <span>{props.protocol} security</span>
        <select name={`${props.prefix}Security`} defaultValue="tls">
          <option value="tls">TLS</option>
          <option value="starttls">STARTTLS</option>
          <option value="plain">None</option>
        </select>
      </label>
    </div>
  );
}
