'use client';

import { useTranslations } from 'next-intl';
import { useErrorText } from '../../i18n/use-error-text';
import type { AutosaveState } from './use-draft-autosave';

/** "Saving draft…" / "Draft saved" beside Discard, announced politely to screen readers. */
export function DraftStatus({ state, error }: { state: AutosaveState; error: unknown }) {
  const t = useTranslations('drafts');
  const errorText = useErrorText();
  return (
    <span className="muted draft-status" aria-live="polite">
      {state === 'saving' && t('saving')}
      {state === 'saved' && t('saved')}
      {state === 'failed' && t('saveFailed', { reason: errorText(error) })}
    </span>
  );
}
