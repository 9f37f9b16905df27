import { headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { LiveMailEvents } from '../../components/live-mail-events';
import { DesktopNotifications } from '../../components/shell/desktop-notifications';
import { SignOutButton } from '../../components/sign-out-button';
import { Toaster } from '../../components/ui/toaster';
import { sessionOf } from '../../server/session';
import { TRPCReactProvider } from '../../trpc/react';

/** Every page in this group needs a session; without one the user signs in first. */
export default async function MailLayout({ children }: { children: ReactNode }) {
  const session = await sessionOf(await headers());
  if (!session) redirect('/sign-in');
  const t = await getTranslations('nav');
  return (
    <TRPCReactProvider>
      <Toaster>
        <LiveMailEvents />
        <DesktopNotifications />
        <div className="app-shell">
          <header className="app-header">
            <Link href="/" className="brand">
              Youjian <span lang="zh-CN">邮件</span>
            </Link>
            <div className="header-actions">
              {/* phones: the folders pane opens over the list (responsive.css) */}
              <a href="#folders" className="folders-link">
                {t('backToFolders')}
              </a>
              <span className="muted">{session.user.email}</span>
              <Link href="/settings">{t('settings')}</Link>
              <SignOutButton />
            </div>
          </header>
          {children}
        </div>
      </Toaster>
    </TRPCReactProvider>
  );
}
