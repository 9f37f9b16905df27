import type { QueryClient } from '@tanstack/react-query';
import type { useTRPC, useTRPCClient } from '../../trpc/react';
import type { ReadingMode } from '../conversation/use-reading-mode';
import { noteReadAhead, openMessageOptions } from './use-open-message';

/**
 * The work of useReadAhead, loaded when the list first rests (a module of its own, so the
 * mail route's first-load script does not grow): for each "accountId messageId" not yet
 * asked, its conversation (when reading by conversation) and, through messages.peek, its
 * message if the mirror holds the body — put where messages.get keeps it. `asked` collects
 * the rows asked, so each is asked once; a failed read is forgotten, to be asked again.
 */
export function readAhead(options: {
  refs: readonly string[];
  mode: ReadingMode;
  asked: Set<string>;
  trpc: ReturnType<typeof useTRPC>;
  client: ReturnType<typeof useTRPCClient>;
  queryClient: QueryClient;
}): void {
  const { mode, asked, trpc, client, queryClient } = options;
  for (const ref of options.refs) {
    if (asked.has(ref)) continue;
    asked.add(ref);
    const [accountId = '', messageId = ''] = ref.split(' ');
    if (mode === 'conversation') {
      const conversation = trpc.conversations.get.queryOptions({ accountId, messageId });
      if (queryClient.getQueryData(conversation.queryKey) === undefined) {
        void queryClient.prefetchQuery(conversation);
      }
    }
    const { queryKey } = openMessageOptions(trpc, accountId, messageId, false);
    if (queryClient.getQueryData(queryKey) !== undefined) continue;
    const answer = client.messages.peek.query({ accountId, messageId });
    noteReadAhead(accountId, messageId, answer);
    void answer
      .then((message) => {
        // an open that raced the read-ahead has its own answer: keep it
        if (message && queryClient.getQueryData(queryKey) === undefined) {
          queryClient.setQueryData(queryKey, message);
        }
      })
      // a read-ahead that fails costs nothing: opening the row asks again
      .catch(() => asked.delete(ref));
  }
}
