'use client';

import type { RouterOutputs } from '@youjian/api';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { formatSize } from '../../lib/format-size';
import { highlightTerms } from '../../lib/highlight';
import { highlightHtml } from '../../lib/highlight-html';
import { mailFrameDocument } from '../../lib/mail-frame';
import { useMailLocation } from '../mail-location';
import { Highlighted } from './highlighted';

type OpenMessage = RouterOutputs['messages']['get'];

/**
 * What a message says: a notice when it cannot be read (with its source) or holds blocked
 * remote images, the sanitized HTML in a sandboxed frame or the plain text, and its
 * attachments to download. A search's words are marked in the text as in the list.
 */
export function MessageBody(props: {
  message: OpenMessage;
  showImages: boolean;
  onShowImages: () => void;
}) {
  const { message, showImages } = props;
  const { body } = message;
  const t = useTranslations('mail');
  const locale = useLocale();
  const { query } = useMailLocation();
  const terms = useMemo(() => highlightTerms(query), [query]);
  const html = useMemo(
    () => (body.html === null ? null : highlightHtml(body.html, terms)),
    [body.html, terms],
  );
  return (
    <>
      {body.sourceUrl && (
        <p className="notice" role="status">
          {t('unreadable')}{' '}
          <a href={body.sourceUrl} download>
            {t('downloadSource')}
          </a>
        </p>
      )}
      {body.hasRemoteImages && !showImages && (
        <p className="notice">
          {t('imagesBlocked')}{' '}
          <button type="button" onClick={props.onShowImages}>
            {t('showImages')}
          </button>
        </p>
      )}
      {html !== null ? (
        <iframe
          className="message-frame"
          title={t('mailBody')}
          sandbox=""
          srcDoc={mailFrameDocument({
            html,
            appOrigin: window.location.origin,
            allowRemoteImages: showImages,
          })}
        />
      ) : (
        <pre className="message-text" data-testid="message-text">
          <Highlighted text={body.text ?? ''} terms={terms} />
        </pre>
      )}
      {body.attachments.length > 0 && (
        <section className="attachments">
          <h3>{t('attachments')}</h3>
          <ul>
            {body.attachments.map((attachment) => (
              <li key={attachment.index}>
                <a
                  href={`/api/attachments/${message.accountId}/${message.id}/${attachment.index}`}
                  download={attachment.filename}
                >
                  {attachment.filename}
                </a>{' '}
                <span className="muted">{formatSize(attachment.size, locale)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
