'use client';

import { Paperclip, Star } from 'lucide-react';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { type MouseEvent, memo } from 'react';
import { formatListDate } from '../../lib/format-date';
import { ConversationCount } from '../conversation/conversation-count';
import { rowSenders } from '../conversation/row-senders';
import type { ListItem } from '../conversation/use-list-items';
import { isPlainClick, showMailUrl } from '../mail-location';
import { Highlighted } from './highlighted';

/** The zone the reader's browser is in: list times are the reader's (issue 10). */
const READER_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export type MessageItem = ListItem;

/**
 * One row of the list's grid, in two cells: the box to tick, then a link with sender, date,
 * subject and snippet. In a unified list or a search across mailboxes it names (and colours)
 * the mailbox it belongs to. Memoized: opening or ticking a row re-renders that row (and the
 * one it leaves), not every row in sight — the callbacks take the row's id, so the list can
 * pass the same functions to every row.
 */
export const MessageRow = memo(function MessageRow(props: {
  item: MessageItem;
  href: string;
  current: boolean;
  open: boolean;
  ticked: boolean;
  /** the mailbox's colour, or null where every row is of one mailbox */
  colour: string | null;
  terms: readonly string[];
  /** the tick box was clicked (with Shift: a range) */
  onTick: (id: string, shiftKey: boolean) => void;
  /** the row's link was clicked, before it opens the message */
  onOpen: (id: string) => void;
}) {
  const { item, colour, terms } = props;
  const t = useTranslations('mailList');
  const tMail = useTranslations('mail');
  const locale = useLocale();
  const subject = item.subject || tMail('noSubject');
  return (
    <>
      {/* cells of a virtualized grid row (message-list.tsx); the controls inside take focus */}
      {/* biome-ignore lint/a11y/useSemanticElements: the grid is not a table, see message-list */}
      <div role="gridcell" tabIndex={-1} className="row-tick">
        <input
          type="checkbox"
          className="message-select"
          aria-label={t('select', { subject })}
          checked={props.ticked}
          onChange={() => undefined}
          onClick={(event: MouseEvent<HTMLInputElement>) => props.onTick(item.id, event.shiftKey)}
        />
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: the grid is not a table, see message-list */}
      <div role="gridcell" tabIndex={-1} className="row-main">
        <Link
          href={props.href}
          prefetch={false}
          aria-current={props.open ? 'true' : undefined}
          scroll={false}
          onClick={(event) => {
            props.onOpen(item.id);
            if (!isPlainClick(event)) return;
            event.preventDefault();
            showMailUrl(props.href);
          }}
        >
          <span className="message-line">
            <span className="sender">
              <Highlighted text={rowSenders(item) ?? tMail('unknownSender')} terms={terms} />
            </span>
            <ConversationCount count={item.messageCount} />
            <time dateTime={item.receivedAt.toISOString()}>
              {formatListDate(item.receivedAt, { locale, timeZone: READER_TIME_ZONE })}
            </time>
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
                  <Star aria-hidden="true" className="icon" size={12} fill="currentColor" />
                  <span className="sr-only"> {t('starred')}. </span>
                </span>
              )}
              <Highlighted text={subject} terms={terms} />
            </span>
            {item.hasAttachments && (
              <span title={tMail('attachment')} className="row-attachment">
                <Paperclip aria-hidden="true" className="icon" size={14} />
                <span className="sr-only">{tMail('attachment')}</span>
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
      </div>
    </>
  );
});
