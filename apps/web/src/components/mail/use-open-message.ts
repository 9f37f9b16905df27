'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTRPC } from '../../trpc/react';
import { refreshMail } from '../../trpc/refresh-mail';

/**
 * One open message: its header and body (messages.get, cached — the body does not change;
 * its folder and flags are refetched whenever mail changes, see refreshMail), remote images
 * allowed for this message only when asked, and marked read once it is open. Marking read
 * is a mutation (POST), never the GET that loaded it, and happens once per opening: after
 * "Mark unread" the refetched message stays unread.
 */
export function useOpenMessage(accountId: string | null, messageId: string | null) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // remote images are shown for the one message the user asked for, not the next one
  const [showImagesFor, setShowImagesFor] = useState<string | null>(null);
  const showImages = messageId !== null && showImagesFor === messageId;
  const open = useQuery(
    trpc.messages.get.queryOptions(
      { accountId: accountId ?? '', messageId: messageId ?? '', allowRemoteImages: showImages },
      { enabled: accountId !== null && messageId !== null, staleTime: Number.POSITIVE_INFINITY },
    ),
  );

  const openedId = open.data?.id;
  const openedUnread = open.data?.seen === false;
  const marked = useRef<string | null>(null);
  const { mutateAsync: setFlags } = useMutation(trpc.messages.setFlags.mutationOptions());
  useEffect(() => {
    if (!openedId || !accountId || marked.current === openedId) return;
    marked.current = openedId;
    const done = openedUnread
      ? setFlags({ accountId, messageIds: [openedId], seen: true })
      : Promise.resolve();
    void done.finally(() => {
      if (openedUnread) void refreshMail(queryClient, trpc);
    });
  }, [openedId, openedUnread, accountId, setFlags, queryClient, trpc]);

  return { open, showImages, onShowImages: () => setShowImagesFor(messageId) };
}
