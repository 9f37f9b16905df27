'use client';

import './conversation.css';

import { useTranslations } from 'next-intl';

/** The number of messages on a conversation's list row; nothing for a single message. */
export function ConversationCount({ count }: { count: number | undefined }) {
  const t = useTranslations('conversation');
  if (!count || count < 2) return null;
  return (
    <span className="message-count" title={t('messageCount', { count })}>
      {count}
      <span className="sr-only"> {t('messageCount', { count })}</span>
    </span>
  );
}
