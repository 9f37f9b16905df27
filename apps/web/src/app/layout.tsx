import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import { connection } from 'next/server';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DENSITY_COOKIE, isDensity, isTheme, THEME_COOKIE } from '../lib/theme';
import './tokens.css';
import './globals.css';

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
  const jar = await cookies();
  const theme = jar.get(THEME_COOKIE)?.value;
  const density = jar.get(DENSITY_COOKIE)?.value;
  // A chosen theme is rendered by the server as data-theme, so no script runs before paint;
  // 'system' leaves it unset and tokens.css follows prefers-color-scheme.
  return (
    <html
      lang={await getLocale()}
      data-theme={isTheme(theme) && theme !== 'system' ? theme : undefined}
      data-density={isDensity(density) ? density : 'comfortable'}
    >
      <body>
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
