import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('confirmAddressHeading') };
}

/**
 * Where the mailed verification link leads. Opening it changes nothing — mail scanners
 * open every link — and the button posts the token to /api/auth/verify-email, which
 * confirms the address and signs the person in (packages/auth confirm-address.ts). A
 * plain form: it works before the page's script has loaded.
 */
export default async function ConfirmAddressPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const t = await getTranslations('auth');
  const { token = '' } = await searchParams;
  return (
    <form className="stack" method="post" action="/api/auth/verify-email">
      <h1>{t('confirmAddressHeading')}</h1>
      <p>{t('confirmAddressBody')}</p>
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="primary">
        {t('confirmAddress')}
      </button>
    </form>
  );
}
