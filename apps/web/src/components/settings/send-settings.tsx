'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { useErrorText } from '../../i18n/use-error-text';
import { useTRPC } from '../../trpc/react';

/** The server's default when the user chose nothing (send-timing.ts). */
export const DEFAULT_UNDO_SEND_SECONDS = 10;
const CHOICES = [0, 5, 10, 20, 30] as const;

/**
 * Settings → Sending: how long a sent mail waits for Undo (0–30 s, default 10), saved per
 * user (preferences.undoSendSeconds), read by the server when mail is sent.
 */
export function SendSettings() {
  const t = useTranslations('sending');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const preferences = useQuery(trpc.preferences.get.queryOptions());
  const save = useMutation(
    trpc.preferences.update.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.preferences.get.queryKey(), saved),
    }),
  );
  const seconds =
    save.variables?.undoSendSeconds ??
    preferences.data?.undoSendSeconds ??
    DEFAULT_UNDO_SEND_SECONDS;
  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`}>{t('title')}</h2>
      <div className="stack">
        <label className="field">
          <span>{t('undoDelay')}</span>
          <select
            value={seconds}
            disabled={preferences.isPending || save.isPending}
            onChange={(event) => save.mutate({ undoSendSeconds: Number(event.target.value) })}
          >
            {CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {choice === 0 ? t('undoOff') : t('seconds', { seconds: choice })}
              </option>
            ))}
          </select>
        </label>
        <p className="muted">{t('undoHint')}</p>
        <p role="alert" className="error">
          {save.isError ? errorText(save.error) : null}
        </p>
      </div>
    </section>
  );
}
