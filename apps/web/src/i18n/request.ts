import { getRequestConfig } from 'next-intl/server';
import { interfacePreferences } from '../server/interface-preferences';
import type { Locale } from './locales';

const CATALOGUES = {
  en: () => import('../../messages/en.json'),
  'zh-CN': () => import('../../messages/zh-CN.json'),
} satisfies Record<Locale, () => Promise<{ default: unknown }>>;

/**
 * next-intl's per-request configuration (no locale in the URL): the language the user
 * saved, else the cookie, else the browser's Accept-Language (server/interface-preferences).
 */
export default getRequestConfig(async () => {
  const { locale } = await interfacePreferences();
  return { locale, messages: (await CATALOGUES[locale]()).default };
});
