'use client';

import { authClient } from '@youjian/auth/client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import type { AuthFailure } from '../../lib/auth-error';
import { useHydrated } from '../use-hydrated';
import { useAuthErrorText } from './use-auth-error';

/**
 * The new password for a reset link's token (null: the link was unknown, used or
 * expired). The server applies the password rules and signs every session out.
 */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const t = useTranslations('auth');
  const describe = useAuthErrorText('reset');
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<AuthFailure | null>(token ? null : { code: 'INVALID_TOKEN' });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!token) return;
    const newPassword = String(new FormData(event.currentTarget).get('password') ?? '');
    setBusy(true);
    setError(null);
    const result = await authClient.resetPassword({ newPassword, token });
    setBusy(false);
    if (result.error) setError(result.error);
    else setDone(true);
  }

  const linkDead = error?.code === 'INVALID_TOKEN';
  return (
    <form className="stack" onSubmit={submit}>
      <h1>{t('resetHeading')}</h1>
      {done ? (
        <p role="status">{t('passwordChanged')}</p>
      ) : (
        !linkDead && (
          <label className="field">
            <span>{t('newPassword')}</span>
            <input
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={12}
              maxLength={128}
              required
            />
            <small className="hint">{t('passwordHint')}</small>
          </label>
        )
      )}
      {error && (
        <p role="alert" className="error">
          {describe(error)}
        </p>
      )}
      {!done && !linkDead && (
        <button type="submit" className="primary" disabled={busy || !hydrated}>
          {busy ? t('savingPassword') : t('savePassword')}
        </button>
      )}
      <p>
        {linkDead ? (
          <Link href="/forgot-password">{t('askNewLink')}</Link>
        ) : (
          <Link href="/sign-in">{done ? t('signIn') : t('backToSignIn')}</Link>
        )}
      </p>
    </form>
  );
}
