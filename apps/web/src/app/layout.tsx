import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { interfacePreferences } from '../server/interface-preferences';
import './tokens.css';
import './globals.css';
import './ui.css';
import './responsive.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return {
    title: { default: 'Youjian', template: t('titleTemplate', { page: '%s' }) },
    description: 'Webmail for QQ Mail, NetEase and any IMAP/SMTP provider',
  };
}

// width=device-width keeps phones from zooming out to a desktop-wide page
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // rendered per request: each response's scripts carry that response's CSP nonce (proxy.ts)
  await connection();
  const { locale, theme, density, readingPane } = await interfacePreferences();
  // A chosen theme is rendered by the server as data-theme, so no script runs before paint;
  // 'system' leaves it unset and tokens.css follows prefers-color-scheme.
  return (
    <html
      lang={locale}
      data-theme={theme === 'system' ? undefined : theme}
      data-density={density}
      data-reading-pane={readingPane}
    >
      <body>
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
