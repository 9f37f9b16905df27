'use client';

import { authClient } from '@youjian/auth/client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import type { AuthFailure } from '../../lib/auth-error';
import { useHydrated } from '../use-hydrated';
import { useAuthErrorText } from './use-auth-error';

/**
 * Asks for a reset link. The answer is the same whether or not the address has an account
 * (the server's is too); only a limit or a failure shows otherwise.
 */
export function ForgotPasswordForm() {
  const t = useTranslations('auth');
  const describe = useAuthErrorText('forgot');
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<AuthFailure | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    setBusy(true);
    setError(null);
    const result = await authClient.requestPasswordReset({ email, redirectTo: '/reset-password' });
    setBusy(false);
    if (result.error) setError(result.error);
    else setSent(true);
  }

  return (
    <form className="stack" onSubmit={submit}>
      <h1>{t('forgotHeading')}</h1>
      {sent ? (
        <p role="status">{t('resetMailSent')}</p>
      ) : (
        <>
          <p className="muted">{t('forgotIntro')}</p>
          <label className="field">
            <span>{t('email')}</span>
            <input name="email" type="email" autoComplete="email" required />
          </label>
          {error && (
            <p role="alert" className="error">
              {describe(error)}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy || !hydrated}>
            {busy ? t('sendingResetLink') : t('sendResetLink')}
          </button>
        </>
      )}
      <p>
        <Link href="/sign-in">{t('backToSignIn')}</Link>
      </p>
    </form>
  );
}
