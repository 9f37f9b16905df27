'use client';

import { useTranslations } from 'next-intl';
import { appErrorMessage } from '../lib/app-error';

/**
 * Words for an error from a tRPC call in the user's language: `const errorText =
 * useErrorText(); … errorText(mutation.error)`.
 */
export function useErrorText(): (error: unknown) => string {
  const t = useTranslations('errors');
  const units = useTranslations('units');
  return (error) => {
    const { key, wait, detail } = appErrorMessage(error);
    const sentence = t(key, { wait: wait ? units(wait.unit, { count: wait.count }) : '' });
    return detail ? `${sentence} ${detail}` : sentence;
  };
}
