'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { useErrorText } from '../../i18n/use-error-text';
import { useTRPC } from '../../trpc/react';
import { ChoiceGroup } from '../ui/choice-group';

type Pane = 'right' | 'bottom';
const PANES: readonly Pane[] = ['right', 'bottom'];
const PANE_LABEL = { right: 'paneRight', bottom: 'paneBottom' } as const;

/**
 * Settings → Reading pane: the open message beside the list (the default) or below it, on
 * screens wide enough for three panes; saved per user (preferences.readingPane) and
 * rendered by the server as <html data-reading-pane> (responsive.css).
 */
export function ReadingPaneSettings() {
  const t = useTranslations('settings');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const preferences = useQuery(trpc.preferences.get.queryOptions());
  const save = useMutation(
    trpc.preferences.update.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.preferences.get.queryKey(), saved);
        // the server renders the choice on <html data-reading-pane> (no layout shift)
        startRefresh(() => router.refresh());
      },
    }),
  );
  const value = save.variables?.readingPane ?? preferences.data?.readingPane ?? 'right';
  return (
    <section aria-labelledby="pane-heading" className="card">
      <h2 id="pane-heading">{t('readingPane')}</h2>
      <div className="stack">
        <ChoiceGroup<Pane>
          label={t('readingPanePosition')}
          value={value}
          disabled={!preferences.data || save.isPending || refreshing}
          choices={PANES.map((pane) => ({ value: pane, label: t(PANE_LABEL[pane]) }))}
          onChange={(pane) => save.mutate({ readingPane: pane })}
        />
        {save.isError && (
          <p role="alert" className="error">
            {errorText(save.error)}
          </p>
        )}
      </div>
    </section>
  );
}
