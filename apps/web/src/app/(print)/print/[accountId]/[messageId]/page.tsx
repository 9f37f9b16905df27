import { getMessage } from '@youjian/api';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { PrintFrame } from '../../../../../components/mail/print-frame';
import { PrintedHeaders } from '../../../../../components/mail/printed-headers';
import { services } from '../../../../../server/services';
import { sessionOf } from '../../../../../server/session';

const params = z.object({ accountId: z.uuid(), messageId: z.uuid() });

type Props = { params: Promise<{ accountId: string; messageId: string }> };

async function openMessage(props: Props) {
  const session = await sessionOf(await headers());
  const parsed = params.safeParse(await props.params);
  if (!session || !parsed.success) notFound();
  const { db, secretBox } = services();
  // getMessage is scoped to the user: another user's message is NOT_FOUND
  return getMessage({ db, secretBox, userId: session.user.id, ...parsed.data }).catch(() =>
    notFound(),
  );
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const message = await openMessage(props);
  const t = await getTranslations('mail');
  return { title: message.subject || t('noSubject') };
}

/**
 * One message as a page to print — subject, From/To/Cc/Date and the body, nothing of the
 * app — opened by the reading pane's Print in a tab of its own, which prints itself.
 * The body is the reading pane's sandboxed frame document (no script runs in it).
 */
export default async function PrintPage(props: Props) {
  const message = await openMessage(props);
  const locale = await getLocale();
  const t = await getTranslations('mail');
  return (
    <main className="print-page" lang={locale}>
      <h1 className="print-subject">{message.subject || t('noSubject')}</h1>
      <PrintedHeaders message={message} />
      <PrintFrame title={t('mailBody')} html={message.body.html} text={message.body.text} />
    </main>
  );
}
