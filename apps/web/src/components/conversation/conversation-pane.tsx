'use client';

import { useQuery } from '@tanstack/react-query';
import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useErrorText } from '../../i18n/use-error-text';
import { useTRPC } from '../../trpc/react';
import { SingleMessage } from '../mail/single-message';
import { usePrefetchOpenMessage } from '../mail/use-open-message';
import { useMailLocation } from '../mail-location';
import { MessageActions } from '../message-actions';
import type { ReadingPaneProps } from '../reading-pane';
import { ConversationMessages } from './conversation-messages';
import './conversation.css';

/**
 * The open conversation: a region named "Conversation" holding one article per message,
 * oldest first (conversations.get). A conversation of one is that message as the message
 * reading mode shows it. Archive, Delete, Spam and Move to at the top act on the
 * conversation's messages in the folder it was opened from, as Gmail does.
 */
export function ConversationPane(props: ReadingPaneProps) {
  const { accountId, messageId, folders } = props;
  const t = useTranslations('conversation');
  const tMail = useTranslations('mail');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const location = useMailLocation();
  const conversation = useQuery(
    trpc.conversations.get.queryOptions(
      { accountId: accountId ?? '', messageId: messageId ?? '' },
      { enabled: accountId !== null && messageId !== null },
    ),
  );
  usePrefetchOpenMessage(accountId, messageId);
  if (conversation.isPending)
    return <div className="reading-pane muted pad">{tMail('opening')}</div>;
  if (conversation.error) {
    return (
      <div className="reading-pane pad">
        <p className="error">{errorText(conversation.error)}</p>
      </div>
    );
  }
  const { messages } = conversation.data;
  if (messages.length <= 1) {
    return (
      <section className="reading-pane conversation" aria-label={t('label')}>
        <SingleMessage {...props} className="message-view" />
      </section>
    );
  }
  const opened = messages.find((message) => message.id === messageId);
  const here = messages.filter((message) => message.mailboxId === opened?.mailboxId);
  const subject = messages[0]?.subject || tMail('noSubject');
  return (
    <section className="reading-pane conversation" aria-label={t('label')}>
      <header className="message-header">
        {/* phones show one pane at a time: this leads back to the list (responsive.css) */}
        <Link className="back-link" href={location.href({ messageId: null })} scroll={false}>
          <ArrowLeft aria-hidden="true" className="icon" size={18} />
          {tMail('backToList')}
        </Link>
        <h2 id="reading-subject">{subject}</h2>
        <p className="muted conversation-count">{t('messageCount', { count: messages.length })}</p>
        {accountId && opened && (
          <MessageActions
            accountId={accountId}
            messageIds={here.map((message) => message.id)}
            folder={folders.find((folder) => folder.id === opened.mailboxId) ?? null}
            folders={folders}
            label={t('thisConversation')}
            onDone={() => router.push(location.href({ messageId: null }), { scroll: false })}
          />
        )}
      </header>
      <ConversationMessages
        key={messageId}
        messages={messages}
        folders={folders}
        onRespond={props.onRespond}
      />
    </section>
  );
}
