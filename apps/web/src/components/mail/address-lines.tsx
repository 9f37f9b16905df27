'use client';

import type { MailAddress } from '@youjian/db/schema';
import { useLocale, useTranslations } from 'next-intl';
import { formatFullDate } from '../../lib/format-date';
import { formatAddress } from '../format';

/** From, To, Cc and Date of a message, in the reader's language, locale and time zone. */
export function AddressLines({
  message,
}: {
  message: {
    from: MailAddress | null;
    to: MailAddress[];
    cc: MailAddress[];
    sentAt: Date | null;
    receivedAt: Date;
  };
}) {
  const t = useTranslations('mail');
  const locale = useLocale();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const date = message.sentAt ?? message.receivedAt;
  return (
    <dl className="address-lines">
      <dt>{t('from')}</dt>
      <dd>{message.from ? formatAddress(message.from) : t('unknownSender')}</dd>
      <dt>{t('to')}</dt>
      <dd>{message.to.map(formatAddress).join(', ') || '—'}</dd>
      {message.cc.length > 0 && (
        <>
          <dt>{t('cc')}</dt>
          <dd>{message.cc.map(formatAddress).join(', ')}</dd>
        </>
      )}
      <dt>{t('date')}</dt>
      <dd>
        <time dateTime={date.toISOString()}>{formatFullDate(date, { locale, timeZone })}</time>
      </dd>
    </dl>
  );
}
