'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { LOCALE_COOKIE, LOCALES, type Locale } from '../../i18n/locales';
import { useErrorText } from '../../i18n/use-error-text';
import {
  DENSITIES,
  DENSITY_COOKIE,
  type Density,
  THEME_COOKIE,
  THEMES,
  type Theme,
} from '../../lib/theme';
import { useTRPC } from '../../trpc/react';
import { ChoiceGroup } from '../ui/choice-group';

/** A year: the choice is also saved per user, the cookie only spares a lookup. */
function rememberInCookie(name: string, value: string) {
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the server
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax${secure}`;
}

const THEME_LABEL = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' } as const;
const DENSITY_LABEL = {
  comfortable: 'densityComfortable',
  compact: 'densityCompact',
} as const;

/**
 * Language, theme and list density: saved per user (preferences.update) and in cookies,
 * then the page is rendered again by the server in the new language and theme.
 */
export function AppearanceSettings({ theme, density }: { theme: Theme; density: Density }) {
  const t = useTranslations('settings');
  const languages = useTranslations('languages');
  const errorText = useErrorText();
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [refreshing, startRefresh] = useTransition();
  const save = useMutation(
    trpc.preferences.update.mutationOptions({
      onSuccess: (saved) => {
        if (saved.locale) rememberInCookie(LOCALE_COOKIE, saved.locale);
        if (saved.theme) rememberInCookie(THEME_COOKIE, saved.theme);
        if (saved.density) rememberInCookie(DENSITY_COOKIE, saved.density);
        queryClient.setQueryData(trpc.preferences.get.queryKey(), saved);
        startRefresh(() => router.refresh());
      },
    }),
  );
  const busy = save.isPending || refreshing;

  return (
    <div className="stack">
      <ChoiceGroup<Locale>
        label={t('language')}
        value={locale as Locale}
        disabled={busy}
        choices={LOCALES.map((value) => ({ value, label: languages(value), lang: value }))}
        onChange={(value) => save.mutate({ locale: value })}
      />
      <ChoiceGroup<Theme>
        label={t('theme')}
        value={theme}
        disabled={busy}
        choices={THEMES.map((value) => ({ value, label: t(THEME_LABEL[value]) }))}
        onChange={(value) => save.mutate({ theme: value })}
      />
      <ChoiceGroup<Density>
        label={t('density')}
        value={density}
        disabled={busy}
        choices={DENSITIES.map((value) => ({ value, label: t(DENSITY_LABEL[value]) }))}
        onChange={(value) => save.mutate({ density: value })}
      />
      {save.isError && (
        <p role="alert" className="error">
          {errorText(save.error)}
        </p>
      )}
    </div>
  );
}
