import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('verifiedHeading') };
}

/**
 * Where the verification link leads. A first use signs the person in, and the (auth)
 * layout sends them on to their mail before this renders; a later use lands here signed
 * out ("confirmed, sign in"); an expired or altered link arrives with ?error=.
 */
export default async function VerifiedPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string }>;
}) {
  const t = await getTranslations('auth');
  const { error } = await searchParams;
  return (
    <div className="stack">
      <h1>{error ? t('verifyLinkDeadHeading') : t('verifiedHeading')}</h1>
      <p role="status">{error ? t('verifyLinkDead') : t('verifiedBody')}</p>
      <p>
        <Link href="/sign-in">{t('signIn')}</Link>
      </p>
    </div>
  );
}
