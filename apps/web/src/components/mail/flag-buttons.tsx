'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@youjian/api';
import { Star } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorText } from '../../i18n/use-error-text';
import { useTRPC } from '../../trpc/react';
import { refreshMail } from '../../trpc/refresh-mail';
import { MessageMoreMenu } from './message-more-menu';

type OpenMessage = RouterOutputs['messages']['get'];

/**
 * Star and Mark unread for one open message. The star shows the message's own cached
 * state (changed optimistically in the cache of this message only, then refetched), so a
 * message never shows the star of the one opened before it; "Marked unread" is kept per
 * message id for the same reason.
 */
export function FlagButtons({ message }: { message: OpenMessage }) {
  const t = useTranslations('mail');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [unreadId, setUnreadId] = useState<string | null>(null);
  const unread = unreadId === message.id;
  const setFlags = useMutation(
    trpc.messages.setFlags.mutationOptions({
      onMutate: ({ flagged }) => {
        if (flagged === undefined) return;
        queryClient.setQueriesData<OpenMessage>(
          { queryKey: trpc.messages.get.pathKey() },
          (data) => (data && data.id === message.id ? { ...data, flagged } : data),
        );
      },
      onSettled: () => refreshMail(queryClient, trpc),
    }),
  );
  const ids = { accountId: message.accountId, messageIds: [message.id] };
  const { flagged } = message;
  return (
    <div className="message-actions">
      <button
        type="button"
        className="icon-button"
        aria-pressed={flagged}
        onClick={() => setFlags.mutate({ ...ids, flagged: !flagged })}
      >
        <Star
          aria-hidden="true"
          className="icon"
          size={16}
          fill={flagged ? 'currentColor' : 'none'}
        />
        {flagged ? t('starred') : t('star')}
      </button>
      <button
        type="button"
        disabled={unread}
        onClick={() => {
          setUnreadId(message.id);
          setFlags.mutate({ ...ids, seen: false });
        }}
      >
        {unread ? t('markedUnread') : t('markUnread')}
      </button>
      <MessageMoreMenu accountId={message.accountId} messageId={message.id} />
      {setFlags.error && <span className="error">{errorText(setFlags.error)}</span>}
    </div>
  );
}
