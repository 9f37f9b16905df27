import { getMessageSource } from '@youjian/api';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { SOURCE_SHOWN_BYTES, splitSource } from '../../../../../lib/message-source';
import { services } from '../../../../../server/services';
import { sessionOf } from '../../../../../server/session';

const params = z.object({ accountId: z.uuid(), messageId: z.uuid() });

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('source');
  return { title: t('title') };
}

/**
 * A message's original as the provider holds it: its header fields, one per row, then the
 * whole source as text (the first megabyte; the .eml download has all of it). Read with
 * the same UIDVALIDITY-checked path as replies and downloads (getMessageSource), scoped
 * to the signed-in user.
 */
export default async function SourcePage(props: {
  params: Promise<{ accountId: string; messageId: string }>;
}) {
  const session = await sessionOf(await headers());
  const parsed = params.safeParse(await props.params);
  if (!session || !parsed.success) notFound();
  const { db, secretBox } = services();
  const source = await getMessageSource({
    db,
    secretBox,
    userId: session.user.id,
    ...parsed.data,
  }).catch(() => notFound());
  const t = await getTranslations('source');
  const bytes = Buffer.from(source.content);
  const shown = new TextDecoder('utf-8').decode(bytes.subarray(0, SOURCE_SHOWN_BYTES));
  const { headers: fields } = splitSource(shown);
  const { accountId, messageId } = parsed.data;
  const download = `/api/messages/${accountId}/${messageId}/source`;
  return (
    <main className="source-page" id="main">
      <h1>{t('title')}</h1>
      <p className="source-links">
        <Link href={`/?account=${accountId}&message=${messageId}`}>{t('back')}</Link>
        <a href={download} download>
          {t('download')}
        </a>
      </p>
      <section aria-labelledby="source-headers">
        <h2 id="source-headers">{t('headers')}</h2>
        <table className="source-headers">
          <tbody>
            {fields.map((field, index) => (
              // a header name repeats (Received), so its place is part of the key
              // biome-ignore lint/suspicious/noArrayIndexKey: fields never reorder
              <tr key={index}>
                <th scope="row">{field.name}</th>
                <td>{field.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="source-raw">
        <h2 id="source-raw">{t('raw')}</h2>
        {bytes.length > SOURCE_SHOWN_BYTES && (
          <p className="muted">{t('cut', { shown: '1 MB' })}</p>
        )}
        {/* focusable so a keyboard user can scroll the wide source (axe scrollable-region) */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: see above */}
        <pre className="source-text" tabIndex={0}>
          {shown}
        </pre>
      </section>
    </main>
  );
}
