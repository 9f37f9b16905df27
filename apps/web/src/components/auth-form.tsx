'use client';

import { authClient } from '@youjian/auth/client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import type { AuthFailure } from '../lib/auth-error';
import { useAuthErrorText } from './auth/use-auth-error';
import { useHydrated } from './use-hydrated';

const OTHER_PAGE = { 'sign-in': '/sign-up', 'sign-up': '/sign-in' } as const;

export function AuthForm({ mode }: { mode: 'sign-in' | 'sign-up' }) {
  const router = useRouter();
  const t = useTranslations('auth');
  const describe = useAuthErrorText(mode);
  const [error, setError] = useState<AuthFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const signIn = mode === 'sign-in';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    setBusy(true);
    setError(null);
    const result =
      mode === 'sign-up'
        ? await authClient.signUp.email({ email, password, name: email.split('@')[0] ?? email })
        : await authClient.signIn.email({ email, password });
    setBusy(false);
    if (result.error) {
      setError(result.error);
      return;
    }
    // sign-up never signs in: the address is confirmed first, through the mailed link
    if (mode === 'sign-up') {
      router.push('/check-mail');
      return;
    }
    router.replace('/');
    router.refresh();
  }

  return (
    <form className="stack" onSubmit={submit} noValidate={false}>
      <h1>{signIn ? t('signInHeading') : t('signUpHeading')}</h1>
      <label className="field">
        <span>{t('email')}</span>
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label className="field">
        <span>{t('password')}</span>
        <input
          name="password"
          type="password"
          autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
          minLength={mode === 'sign-up' ? 12 : undefined}
          maxLength={128}
          required
        />
        {mode === 'sign-up' && <small className="hint">{t('passwordHint')}</small>}
      </label>
      {signIn && (
        <p className="hint">
          <Link href="/forgot-password">{t('forgotPassword')}</Link>
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {describe(error)}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || !hydrated}>
        {signIn ? (busy ? t('signingIn') : t('signIn')) : busy ? t('signingUp') : t('signUp')}
      </button>
      <p className="muted">
        {signIn ? t('noAccount') : t('haveAccount')}{' '}
        <Link href={OTHER_PAGE[mode]}>{signIn ? t('signUp') : t('signIn')}</Link>
      </p>
    </form>
  );
}
