'use client';

import type { RouterOutputs } from '@youjian/api';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { MouseEvent } from 'react';
import { formatListDate, senderName } from '../format';
import { Highlighted } from './highlighted';

export type MessageItem = RouterOutputs['messages']['list']['items'][number];

/**
 * One row of the list: box to tick, then sender, date, subject and snippet. In a unified
 * list or a search across mailboxes it names (and colours) the mailbox it belongs to.
 */
export function MessageRow(props: {
  item: MessageItem;
  href: string;
  current: boolean;
  open: boolean;
  ticked: boolean;
  /** the mailbox's colour, or null where every row is of one mailbox */
  colour: string | null;
  terms: readonly string[];
  onTick: (shiftKey: boolean) => void;
  onOpen: () => void;
}) {
  const { item, colour, terms } = props;
  const t = useTranslations('mailList');
  const tMail = useTranslations('mail');
  const subject = item.subject || tMail('noSubject');
  return (
    <>
      <input
        type="checkbox"
        className="message-select"
        aria-label={t('select', { subject })}
        checked={props.ticked}
        onChange={() => undefined}
        onClick={(event: MouseEvent<HTMLInputElement>) => props.onTick(event.shiftKey)}
      />
      <Link
        href={props.href}
        prefetch={false}
        aria-current={props.open ? 'true' : undefined}
        scroll={false}
        onClick={props.onOpen}
      >
        <span className="message-line">
          <span className="sender">
            <Highlighted
              text={item.from ? senderName(item.from) : tMail('unknownSender')}
              terms={terms}
            />
          </span>
          <time dateTime={item.receivedAt.toISOString()}>{formatListDate(item.receivedAt)}</time>
        </span>
        <span className="message-line">
          <span className="subject">
            {!item.seen && (
              <span className="marker unread-dot" title={t('unread')}>
                <span className="sr-only">{t('unread')}. </span>
              </span>
            )}
            {item.flagged && (
              <span className="marker star" title={t('starred')}>
                ★<span className="sr-only"> {t('starred')}. </span>
              </span>
            )}
            <Highlighted text={subject} terms={terms} />
          </span>
          {item.hasAttachments && (
            <span title={tMail('attachment')}>
              ✉<span className="sr-only">{tMail('attachment')}</span>
            </span>
          )}
        </span>
        <span className="snippet">
          <Highlighted text={item.snippet} terms={terms} />
        </span>
        {colour && (
          <span className="row-mailbox" title={t('inMailbox', { address: item.account.address })}>
            <span aria-hidden="true" className="account-swatch" style={{ background: colour }} />
            {item.account.address}
          </span>
        )}
      </Link>
    </>
  );
}
