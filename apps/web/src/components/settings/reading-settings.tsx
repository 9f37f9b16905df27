'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useErrorText } from '../../i18n/use-error-text';
import { useTRPC } from '../../trpc/react';
import { type ReadingMode, useReadingMode } from '../conversation/use-reading-mode';
import { ChoiceGroup } from '../ui/choice-group';

const MODES: readonly ReadingMode[] = ['conversation', 'message'];
const MODE_LABEL = {
  conversation: 'readingConversations',
  message: 'readingMessages',
} as const;

/**
 * Settings → Reading: mail as conversations (the default) or one message at a time, saved
 * per user (preferences.readingMode) so it follows them to every browser. The mail page
 * reads it from the same query, so the change shows at once.
 */
export function ReadingSettings() {
  const t = useTranslations('conversation');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mode = useReadingMode();
  const save = useMutation(
    trpc.preferences.update.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.preferences.get.queryKey(), saved),
    }),
  );
  return (
    <section aria-labelledby="reading-heading" className="card">
      <h2 id="reading-heading">{t('reading')}</h2>
      <div className="stack">
        <ChoiceGroup<ReadingMode>
          label={t('readingMode')}
          value={save.variables?.readingMode ?? mode ?? 'conversation'}
          disabled={mode === null || save.isPending}
          choices={MODES.map((value) => ({ value, label: t(MODE_LABEL[value]) }))}
          onChange={(value) => save.mutate({ readingMode: value })}
        />
        <p className="muted">{t('readingHint')}</p>
        {save.isError && (
          <p role="alert" className="error">
            {errorText(save.error)}
          </p>
        )}
      </div>
    </section>
  );
}
