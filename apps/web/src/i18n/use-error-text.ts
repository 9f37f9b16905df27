'use client';

import { useLocale, useTranslations } from 'next-intl';
import { appErrorMessage, type Problem, problemText } from '../lib/app-error';
import { folderLabel } from '../lib/folder-label';

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

/**
 * Words for a background problem (a failed sync, send or change written back) in the
 * user's language: `const text = useProblemText(); … text(account.problem)`.
 */
export function useProblemText(): (problem: Problem) => string {
  const t = useTranslations('errors');
  const folders = useTranslations('folders');
  const locale = useLocale();
  // a role reads as its folder's name (Sent / 已发送), as the folder list names it
  const roleName = (role: string) => folderLabel({ role, name: role }, (known) => folders(known));
  return (problem) => problemText(problem, t, roleName, locale);
}
