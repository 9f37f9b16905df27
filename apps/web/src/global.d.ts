import type messages from '../messages/en.json';
import type { Locale } from './i18n/locales';

// next-intl checks every key given to t() against the English catalogue at compile time.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
