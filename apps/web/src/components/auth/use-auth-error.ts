'use client';

import { useTranslations } from 'next-intl';
import { type AuthFailure, authErrorMessage } from '../../lib/auth-error';

/** The sentence under an account form for a refused request, in the reader's language. */
export function useAuthErrorText(mode: Parameters<typeof authErrorMessage>[1]) {
  const tError = useTranslations('authErrors');
  const units = useTranslations('units');
  return (failure: AuthFailure): string => {
    const { key, wait } = authErrorMessage(failure, mode);
    return tError(key, { wait: wait ? units(wait.unit, { count: wait.count }) : '' });
  };
}
