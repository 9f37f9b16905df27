'use client';

import { authClient } from '@youjian/auth/client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { describeAuthError } from '../lib/auth-error';
import { useHydrated } from './use-hydrated';

const COPY = {
  'sign-in': {
    heading: 'Sign in',
    submit: 'Sign in',
    busy: 'Signing in…',
    other: { text: 'No account yet?', link: 'Sign up', href: '/sign-up' },
  },
  'sign-up': {
    heading: 'Create your account',
    submit: 'Sign up',
    busy: 'Creating account…',
    other: { text: 'Already have an account?', link: 'Sign in', href: '/sign-in' },
  },
} as const;

export function AuthForm({ mode }: { mode: 'sign-in' | 'sign-up' }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const copy = COPY[mode];

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
      setError(describeAuthError(result.error, mode));
      return;
    }
    router.replace('/');
    router.refresh();
  }

  return (
    <form className="stack" onSubmit={submit} noValidate={false}>
      <h1>{copy.heading}</h1>
      <label className="field">
        <span>Email</span>
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label className="field">
        <span>Password</span>
        <input
          name="password"
          type="password"
          autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
          minLength={mode === 'sign-up' ? 12 : undefined}
          maxLength={128}
          required
        />
        {mode === 'sign-up' && (
          <small className="hint">At least 12 characters; a few words make a good password.</small>
        )}
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || !hydrated}>
        {busy ? copy.busy : copy.submit}
      </button>
      <p className="muted">
        {copy.other.text} <Link href={copy.other.href}>{copy.other.link}</Link>
      </p>
    </form>
  );
}
