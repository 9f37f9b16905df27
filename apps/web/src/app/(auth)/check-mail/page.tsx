import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('checkMailHeading') };
}

/**
 * After sign-up, for a new and a taken address alike (the page cannot tell them apart,
 * and says nothing that would): the link is in the mail.
 */
export default async function CheckMailPage() {
  const t = await getTranslations('auth');
  return (
    <div className="stack">
      <h1>{t('checkMailHeading')}</h1>
      <p role="status">{t('checkMailBody')}</p>
      <p className="muted">{t('checkMailNothing')}</p>
      <p>
        <Link href="/sign-in">{t('backToSignIn')}</Link>
      </p>
    </div>
  );
}
