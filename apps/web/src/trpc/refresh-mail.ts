import type { QueryClient } from '@tanstack/react-query';
import type { useTRPC } from './react';

/**
 * After any change to mail — a flag, a move, a delete, mail arriving — every cached view of
 * it goes stale together: the message lists, the conversation lists and conversations, the
 * open messages (their folder decides the actions offered: "Not spam" in Junk, "Delete
 * forever" in Trash; their flags the Star and Mark unread buttons) and the folder counts.
 * One function, so no caller can refresh the list and forget the open message. Only the
 * queries on screen refetch; the others on their next use.
 */
export async function refreshMail(
  queryClient: QueryClient,
  trpc: ReturnType<typeof useTRPC>,
): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.messages.list.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.conversations.list.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.conversations.get.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.messages.get.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() }),
  ]);
}
