'use client';

import type { RouterOutputs } from '@youjian/api';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useErrorText } from '../../i18n/use-error-text';
import { formatListDate } from '../../lib/format-date';
import type { InResponseTo } from '../compose-dialog';
import { senderName } from '../format';
import { MessageBody } from '../mail/message-body';
import { MessageControls } from '../mail/message-controls';
import { useOpenMessage } from '../mail/use-open-message';
import type { ReadingPaneProps } from '../reading-pane';
import { initiallyExpanded } from './expanded-messages';

type Summary = RouterOutputs['conversations']['get']['messages'][number];
type Folder = ReadingPaneProps['folders'][number];

/**
 * The articles of a conversation. Which start expanded is decided once, when it opens
 * (initiallyExpanded): a message read by being opened does not fold away, and one that
 * arrives while it is open is expanded when unread or newest. A click or Enter on a
 * message's heading folds or unfolds it.
 */
export function ConversationMessages(props: {
  messages: Summary[];
  folders: Folder[];
  onRespond: (inResponseTo: InResponseTo) => void;
}) {
  const { messages } = props;
  const [first] = useState(() => ({
    expanded: initiallyExpanded(messages),
    known: new Set(messages.map((message) => message.id)),
  }));
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const newest = messages[messages.length - 1]?.id;
  const isOpen = (message: Summary) =>
    toggled[message.id] ??
    (first.known.has(message.id)
      ? first.expanded.has(message.id)
      : !message.seen || message.id === newest);
  return messages.map((message) => (
    <ConversationMessage
      key={message.id}
      summary={message}
      open={isOpen(message)}
      onToggle={() => setToggled({ ...toggled, [message.id]: !isOpen(message) })}
      folders={props.folders}
      onRespond={props.onRespond}
    />
  ));
}

function ConversationMessage(props: {
  summary: Summary;
  open: boolean;
  onToggle: () => void;
  folders: Folder[];
  onRespond: (inResponseTo: InResponseTo) => void;
}) {
  const { summary, open } = props;
  const t = useTranslations('conversation');
  const locale = useLocale();
  const headingId = useId();
  const date = summary.sentAt ?? summary.receivedAt;
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const classes = ['conversation-message', open ? 'expanded' : '', summary.seen ? '' : 'unread'];
  return (
    <article className={classes.join(' ').trim()} aria-labelledby={headingId}>
      <h3 id={headingId} className="conversation-heading">
        <button
          type="button"
          className="conversation-toggle"
          aria-expanded={open}
          title={open ? t('collapse') : t('expand')}
          onClick={props.onToggle}
        >
          <span className="sender">{senderName(summary.from)}</span>
          <time dateTime={date.toISOString()}>{formatListDate(date, { locale, timeZone })}</time>
          {!open && <span className="snippet">{summary.snippet}</span>}
        </button>
      </h3>
      {open && (
        <ExpandedMessage summary={summary} folders={props.folders} onRespond={props.onRespond} />
      )}
    </article>
  );
}

/** An unfolded message: its answers, flags and actions, address lines and body. */
function ExpandedMessage(props: {
  summary: Summary;
  folders: Folder[];
  onRespond: (inResponseTo: InResponseTo) => void;
}) {
  const { summary, folders } = props;
  const tMail = useTranslations('mail');
  const errorText = useErrorText();
  const { open, showImages, onShowImages } = useOpenMessage(summary.accountId, summary.id);
  if (open.isPending) return <p className="muted pad">{tMail('opening')}</p>;
  if (open.error) return <p className="error pad">{errorText(open.error)}</p>;
  const message = open.data;
  return (
    <>
      <div className="message-header">
        <MessageControls message={message} folders={folders} onRespond={props.onRespond} />
      </div>
      <MessageBody message={message} showImages={showImages} onShowImages={onShowImages} />
    </>
  );
}
