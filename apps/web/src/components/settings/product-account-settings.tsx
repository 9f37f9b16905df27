'use client';

import { authClient } from '@youjian/auth/client';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId, useState } from 'react';
import { useHydrated } from '../use-hydrated';

type State = { kind: 'idle' | 'busy' | 'done' } | { kind: 'failed'; code: string | undefined };

/** Better Auth's error code of a failed call, for the words below. */
const codeOf = (error: { code?: string } | null | undefined) => error?.code;

/**
 * Settings → Your Youjian account: change the password (every other session ends, as after
 * a reset) and delete the account (asks for the password; every linked mailbox, its mirror
 * and its sealed 授权码 go with it — the mail stays at the providers).
 */
export function ProductAccountSettings() {
  const t = useTranslations('settings');
  return (
    <section aria-labelledby="product-account-heading" className="card">
      <h2 id="product-account-heading">{t('productAccount')}</h2>
      <ChangePasswordForm />
      <DeleteAccountForm />
    </section>
  );
}

function Failure({ state }: { state: State }) {
  const t = useTranslations('settings');
  if (state.kind !== 'failed') return null;
  const wrong = state.code === 'INVALID_PASSWORD';
  const weak = state.code?.startsWith('PASSWORD_') && !wrong;
  return (
    <p role="alert" className="error">
      {wrong ? t('wrongPassword') : weak ? t('weakPassword') : t('accountActionFailed')}
    </p>
  );
}

function ChangePasswordForm() {
  const t = useTranslations('settings');
  const hydrated = useHydrated();
  const currentId = useId();
  const nextId = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setState({ kind: 'busy' });
    const result = await authClient.changePassword({
      currentPassword: String(data.get('currentPassword') ?? ''),
      newPassword: String(data.get('newPassword') ?? ''),
      revokeOtherSessions: true,
    });
    if (result.error) {
      setState({ kind: 'failed', code: codeOf(result.error) });
      return;
    }
    form.reset();
    setState({ kind: 'done' });
  }
  return (
    <form className="stack account-form" onSubmit={submit}>
      <h3>{t('changePassword')}</h3>
      <div className="field">
        <label htmlFor={currentId}>{t('currentPassword')}</label>
        <input
          id={currentId}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
        />
      </div>
      <div className="field">
        <label htmlFor={nextId}>{t('newPassword')}</label>
        <input
          id={nextId}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
        />
      </div>
      <p>
        <button type="submit" disabled={!hydrated || state.kind === 'busy'}>
          {t('changePassword')}
        </button>
      </p>
      {state.kind === 'done' && <p role="status">{t('passwordChanged')}</p>}
      <Failure state={state} />
    </form>
  );
}

function DeleteAccountForm() {
  const t = useTranslations('settings');
  const hydrated = useHydrated();
  const passwordId = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    if (!window.confirm(t('confirmDeleteAccount'))) return;
    setState({ kind: 'busy' });
    const result = await authClient.deleteUser({ password });
    if (result.error) {
      setState({ kind: 'failed', code: codeOf(result.error) });
      return;
    }
    window.location.assign('/sign-in');
  }
  return (
    <form className="stack account-form danger-zone" onSubmit={submit}>
      <h3>{t('deleteAccount')}</h3>
      <p className="muted">{t('deleteAccountText')}</p>
      <div className="field">
        <label htmlFor={passwordId}>{t('deletePassword')}</label>
        <input
          id={passwordId}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
      </div>
      <p>
        <button type="submit" className="danger" disabled={!hydrated || state.kind === 'busy'}>
          {t('deleteAccount')}
        </button>
      </p>
      <Failure state={state} />
    </form>
  );
}
