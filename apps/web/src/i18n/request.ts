import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, type Locale, resolveLocale } from './locales';

const CATALOGUES = {
  en: () => import('../../messages/en.json'),
  'zh-CN': () => import('../../messages/zh-CN.json'),
} satisfies Record<Locale, () => Promise<{ default: unknown }>>;

/**
 * next-intl's per-request configuration (no locale in the URL): the language comes from
 * the cookie the Settings page writes, else from the browser's Accept-Language.
 */
export default getRequestConfig(async () => {
  const locale = resolveLocale(
    (await cookies()).get(LOCALE_COOKIE)?.value,
    (await headers()).get('accept-language'),
  );
  return { locale, messages: (await CATALOGUES[locale]()).default };
});
