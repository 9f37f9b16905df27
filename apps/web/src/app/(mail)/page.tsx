import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { MailApp } from '../../components/mail-app';
import { UnreadTitle } from '../../components/shell/unread-title';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('nav');
  return { title: t('mail') };
}

export default async function MailPage() {
  const t = await getTranslations('app');
  return (
    <Suspense fallback={<p className="muted pad">{t('loading')}</p>}>
      <UnreadTitle />
      <MailApp />
    </Suspense>
  );
}
