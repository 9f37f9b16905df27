'use client';

import type { RouterOutputs } from '@youjian/api';
import { useLocale, useTranslations } from 'next-intl';
import { formatSize } from '../../lib/format-size';
import { mailFrameDocument } from '../../lib/mail-frame';

type OpenMessage = RouterOutputs['messages']['get'];

/**
 * What a message says: a notice when it cannot be read (with its source) or holds blocked
 * remote images, the sanitized HTML in a sandboxed frame or the plain text, and its
 * attachments to download.
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
      {body.html !== null ? (
        <iframe
          className="message-frame"
          title={t('mailBody')}
          sandbox=""
          srcDoc={mailFrameDocument({
            html: body.html,
            appOrigin: window.location.origin,
            allowRemoteImages: showImages,
          })}
        />
      ) : (
        <pre className="message-text" data-testid="message-text">
          {body.text ?? ''}
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
