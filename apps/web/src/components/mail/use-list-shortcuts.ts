'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { KeyTargets } from '../../lib/key-targets';
import { useTRPC } from '../../trpc/react';
import { refreshMail } from '../../trpc/refresh-mail';
import { pressInOpenMessage, useMailShortcuts } from '../keyboard/use-mail-shortcuts';
import { mailHref, useMailLocation } from '../mail-location';
import { SEARCH_INPUT_ID } from './search-box';
import { type RowCommand, useRowCommands } from './use-row-commands';

/**
 * The shortcut table's actions for the mail view: moving and opening in the list here;
 * x s e # ! Shift+I Shift+U on the ticked rows, else on the current row (key-targets.ts) —
 * through the open message's own buttons (found by their words in the reader's language)
 * when that row is the open message. Returns the `?` overlay's state.
 */
export function useListShortcuts(options: {
  order: readonly string[];
  currentId: string | null;
  onMove: (id: string) => void;
  onOpen: (id: string) => void;
  onToggle: (id: string) => void;
  onCompose: () => void;
  onEscape: () => void;
  /** what x s e # ! Shift+I Shift+U act on now */
  targets: () => KeyTargets;
  /** the shown folder's role (Delete in Trash deletes for good) */
  folderRole: string | null;
}) {
  const { order, currentId } = options;
  const router = useRouter();
  const location = useMailLocation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [helpOpen, setHelpOpen] = useState(false);
  const t = useTranslations('mail');
  const onRows = useRowCommands(options.folderRole);
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

  /** the command on the rows, or the open message's button of one of these names */
  const act =
    (command: RowCommand, ...names: string[]) =>
    () => {
      const targets = options.targets();
      if (targets.kind === 'rows') void onRows(command, targets);
      else if (targets.kind === 'open') names.some((name) => pressInOpenMessage(name));
    };

  useMailShortcuts({
    next: () => step(1),
    previous: () => step(-1),
    open: () => currentId && options.onOpen(currentId),
    backToList,
    toggleSelect: () => currentId && options.onToggle(currentId),
    star: act('star', t('star'), t('starred')),
    archive: act('archive', t('archive')),
    delete: act('delete', t('delete'), t('deleteForever')),
    spam: act('spam', t('spam')),
    reply: () => pressInOpenMessage(t('reply')),
    replyAll: () => pressInOpenMessage(t('replyAll')),
    forward: () => pressInOpenMessage(t('forward')),
    markUnread: act('markUnread', t('markUnread')),
    markRead: () => {
      const targets = options.targets();
      if (targets.kind === 'rows') void onRows('markRead', targets);
      else if (targets.kind === 'open' && location.messageId && location.accountId) {
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
