'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@youjian/api';
import { useMemo } from 'react';
import { useTRPC } from '../../trpc/react';
import { type ListInput, PAGE_SIZE } from '../mail/list-toolbar';
import { useReadingMode } from './use-reading-mode';

type ConversationItem = RouterOutputs['conversations']['list']['items'][number];
/** A row of the list: a message, or a conversation (a message row with its thread's summary). */
export type ListItem = RouterOutputs['messages']['list']['items'][number] &
  Partial<Pick<ConversationItem, 'messageCount' | 'participants' | 'messageIds' | 'threadId'>>;

/**
 * The rows of a folder, view or search, paged by keyset: conversations
 * (conversations.list) in the conversation reading mode, messages otherwise and for every
 * search (a search finds messages). Nothing loads until the reading mode is known.
 */
export function useListItems(input: ListInput) {
  const trpc = useTRPC();
  const mode = useReadingMode();
  const grouped = mode === 'conversation' && !input.query;
  const paging = { getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor };
  const messages = useInfiniteQuery(
    trpc.messages.list.infiniteQueryOptions(
      { ...input, limit: PAGE_SIZE },
      { ...paging, retry: false, enabled: mode !== null && !grouped },
    ),
  );
  const { view, accountId, mailboxId } = input;
  const conversations = useInfiniteQuery(
    trpc.conversations.list.infiniteQueryOptions(
      { view, accountId, mailboxId, limit: PAGE_SIZE },
      { ...paging, retry: false, enabled: grouped },
    ),
  );
  const list = grouped ? conversations : messages;
  const items = useMemo<ListItem[]>(
    () => list.data?.pages.flatMap((page) => page.items) ?? [],
    [list.data],
  );
  return { list, items };
}
