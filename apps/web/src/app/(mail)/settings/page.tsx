import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AddMailboxForm } from '../../../components/accounts/add-mailbox-form';
import { LinkedMailboxes } from '../../../components/accounts/linked-mailboxes';
import { AppearanceSettings } from '../../../components/settings/appearance-settings';
import { MailboxSettings } from '../../../components/settings/mailbox-settings';
import { NotificationSettings } from '../../../components/settings/notification-settings';
import { ProductAccountSettings } from '../../../components/settings/product-account-settings';
import { ReadingPaneSettings } from '../../../components/settings/reading-pane-settings';
import { ReadingSettings } from '../../../components/settings/reading-settings';
import { SendSettings } from '../../../components/settings/send-settings';
import { SignatureSettings } from '../../../components/settings/signature-settings';
import { SignOutEverywhereButton } from '../../../components/sign-out-everywhere-button';
import { interfacePreferences } from '../../../server/interface-preferences';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings');
  return { title: t('title') };
}

export default async function SettingsPage() {
  const t = await getTranslations('settings');
  const { theme, density } = await interfacePreferences();
  return (
    <main className="settings" id="main">
      <h1>{t('title')}</h1>
      <section aria-labelledby="appearance-heading" className="card">
        <h2 id="appearance-heading">{t('appearance')}</h2>
        <AppearanceSettings theme={theme} density={density} />
      </section>
      <SendSettings />
      <ReadingPaneSettings />
      <NotificationSettings />
      <ReadingSettings />
      <section aria-labelledby="linked-heading" className="card">
        <h2 id="linked-heading">{t('linkedMailboxes')}</h2>
        <LinkedMailboxes />
      </section>
      <MailboxSettings />
      <SignatureSettings />
      <section aria-labelledby="add-heading" className="card">
        <h2 id="add-heading">{t('addMailbox')}</h2>
        <AddMailboxForm />
      </section>
      <section aria-labelledby="sessions-heading" className="card">
        <h2 id="sessions-heading">{t('sessions')}</h2>
        <SignOutEverywhereButton />
      </section>
      <ProductAccountSettings />
    </main>
  );
}
