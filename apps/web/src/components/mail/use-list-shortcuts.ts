'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '../../trpc/react';
import { refreshMail } from '../../trpc/refresh-mail';
import { pressInOpenMessage, useMailShortcuts } from '../keyboard/use-mail-shortcuts';
import { mailHref, useMailLocation } from '../mail-location';
import { SEARCH_INPUT_ID } from './search-box';

/**
 * The shortcut table's actions for the mail view: moving and opening in the list here,
 * the open message's actions through its own buttons. Returns the `?` overlay's state.
 */
export function useListShortcuts(options: {
  order: readonly string[];
  currentId: string | null;
  onMove: (id: string) => void;
  onOpen: (id: string) => void;
  onToggle: (id: string) => void;
  onCompose: () => void;
  onEscape: () => void;
}) {
  const { order, currentId } = options;
  const router = useRouter();
  const location = useMailLocation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [helpOpen, setHelpOpen] = useState(false);
  const markRead = useMutation(
    trpc.messages.setFlags.mutationOptions({
      onSettled: () => refreshMail(queryClient, trpc),
    }),
  );

  const step = (by: number) => {
    const index = currentId ? order.indexOf(currentId) : -1;
    const next = order[Math.min(Math.max(index + by, 0), order.length - 1)];
    if (next) options.onMove(next);
  };
  const backToList = () => {
    if (!location.messageId) return;
    router.push(location.href({ messageId: null }), { scroll: false });
    options.onMove(location.messageId);
  };

  useMailShortcuts({
    next: () => step(1),
    previous: () => step(-1),
    open: () => currentId && options.onOpen(currentId),
    backToList,
    toggleSelect: () => currentId && options.onToggle(currentId),
    star: () => pressInOpenMessage(/^(☆ Star|★ Starred)$/),
    archive: () => pressInOpenMessage('Archive'),
    delete: () => pressInOpenMessage(/^Delete( forever)?$/),
    spam: () => pressInOpenMessage('Spam'),
    reply: () => pressInOpenMessage('Reply'),
    replyAll: () => pressInOpenMessage('Reply all'),
    forward: () => pressInOpenMessage('Forward'),
    markUnread: () => pressInOpenMessage('Mark unread'),
    markRead: () => {
      if (location.messageId && location.accountId) {
        markRead.mutate({
          accountId: location.accountId,
          messageIds: [location.messageId],
          seen: true,
        });
      }
    },
    compose: options.onCompose,
    search: () => document.getElementById(SEARCH_INPUT_ID)?.focus(),
    goInbox: () => router.push(mailHref({ view: 'all-inboxes' })),
    goSent: () => router.push(mailHref({ view: 'sent' })),
    goDrafts: () => router.push(mailHref({ view: 'drafts' })),
    escape: () => (location.messageId ? backToList() : options.onEscape()),
    help: () => setHelpOpen(true),
  });
  return { helpOpen, closeHelp: () => setHelpOpen(false) };
}
