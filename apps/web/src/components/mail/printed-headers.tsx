'use client';

import type { RouterOutputs } from '@youjian/api';
import { useLocale, useTranslations } from 'next-intl';
import { formatFullDate } from '../../lib/format-date';
import { formatAddress } from '../format';

type OpenMessage = Pick<
  RouterOutputs['messages']['get'],
  'from' | 'to' | 'cc' | 'sentAt' | 'receivedAt'
>;

/** From, To, Cc and Date of a message as a table, in the reader's language and zone. */
export function PrintedHeaders({ message }: { message: OpenMessage }) {
  const t = useTranslations('mail');
  const locale = useLocale();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const rows = [
    [t('from'), message.from ? formatAddress(message.from) : t('unknownSender')],
    [t('to'), message.to.map(formatAddress).join(', ')],
    [t('cc'), message.cc.map(formatAddress).join(', ')],
    [t('date'), formatFullDate(message.sentAt ?? message.receivedAt, { locale, timeZone })],
  ].filter(([, value]) => value);
  return (
    <table className="printed-headers">
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
