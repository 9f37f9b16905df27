'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@youjian/api';
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
  const open = useQuery(openMessageOptions(trpc, accountId, messageId, showImages));

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

/** What messages.get answers for one message. */
type OpenedMessage = RouterOutputs['messages']['get'];

/**
 * The list's reads ahead still on their way (messages.peek, read-ahead.ts), by
 * "accountId messageId": an open of that row waits for it instead of asking again — a
 * click just after the list appeared would otherwise race its own read-ahead.
 */
const readsAhead = new Map<string, Promise<OpenedMessage | null>>();
const readAheadKey = (accountId: string | null, messageId: string | null) =>
  `${accountId} ${messageId}`;

/**
 * Notes that `answer` is messages.peek's read of the message, until it settles; takes ids,
 * returns nothing.
 */
export function noteReadAhead(
  accountId: string,
  messageId: string,
  answer: Promise<OpenedMessage | null>,
): void {
  const ref = readAheadKey(accountId, messageId);
  readsAhead.set(ref, answer);
  const forget = () => readsAhead.delete(ref);
  answer.then(forget, forget);
}

/**
 * messages.get for one message, the same for useOpenMessage, its prefetch and the list's
 * read-ahead (one cache entry). With remote images blocked (the way a message first shows)
 * it takes a read-ahead's answer when one is on its way and found the body.
 */
export function openMessageOptions(
  trpc: ReturnType<typeof useTRPC>,
  accountId: string | null,
  messageId: string | null,
  allowRemoteImages: boolean,
) {
  const options = trpc.messages.get.queryOptions(
    { accountId: accountId ?? '', messageId: messageId ?? '', allowRemoteImages },
    { enabled: accountId !== null && messageId !== null, staleTime: Number.POSITIVE_INFINITY },
  );
  const ask = options.queryFn;
  if (allowRemoteImages || !ask) return options;
  return {
    ...options,
    queryFn: async (context: Parameters<typeof ask>[0]): Promise<OpenedMessage> => {
      const ahead = readsAhead.get(readAheadKey(accountId, messageId));
      const peeked = ahead && (await ahead.catch(() => null));
      return peeked ?? ask(context);
    },
  };
}

/**
 * Starts reading the message a conversation was opened on (remote images blocked, as it first
 * shows) beside conversations.get, so that a conversation of one — which shows its message
 * through useOpenMessage — waits for one round trip, not two in a row. Only the opened
 * message, never the list's rows: no prefetch storm. Nothing when it is already cached.
 */
export function usePrefetchOpenMessage(accountId: string | null, messageId: string | null) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (accountId === null || messageId === null) return;
    void queryClient.prefetchQuery(openMessageOptions(trpc, accountId, messageId, false));
  }, [accountId, messageId, queryClient, trpc]);
}
