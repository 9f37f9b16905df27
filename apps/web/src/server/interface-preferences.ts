import { getPreferences } from '@youjian/api';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { LOCALE_COOKIE, type Locale, resolveLocale } from '../i18n/locales';
import {
  DENSITY_COOKIE,
  type Density,
  isDensity,
  isTheme,
  THEME_COOKIE,
  type Theme,
} from '../lib/theme';
import { services } from './services';
import { sessionOf } from './session';

export interface InterfacePreferences {
  locale: Locale;
  theme: Theme;
  density: Density;
  /** where the open message shows on a desktop-wide screen */
  readingPane: 'right' | 'bottom';
}

/**
 * How this request's pages look and speak, once per request: a signed-in user's saved
 * choice (user_preferences, so it follows them to every browser) comes first, then the
 * cookie the Settings page writes (it also serves the sign-in pages), then the browser
 * (Accept-Language; the system's light/dark).
 */
export const interfacePreferences = cache(async (): Promise<InterfacePreferences> => {
  const jar = await cookies();
  const requestHeaders = await headers();
  const session = await sessionOf(requestHeaders).catch(() => null);
  const saved = session
    ? await getPreferences({ db: services().db, userId: session.user.id })
    : { locale: null, theme: null, density: null, readingPane: null };
  const themeCookie = jar.get(THEME_COOKIE)?.value;
  const densityCookie = jar.get(DENSITY_COOKIE)?.value;
  return {
    locale: resolveLocale(
      saved.locale ?? jar.get(LOCALE_COOKIE)?.value,
      requestHeaders.get('accept-language'),
    ),
    theme: saved.theme ?? (isTheme(themeCookie) ? themeCookie : 'system'),
    density: saved.density ?? (isDensity(densityCookie) ? densityCookie : 'comfortable'),
    readingPane: saved.readingPane ?? 'right',
  };
});
