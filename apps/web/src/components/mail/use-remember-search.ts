'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTRPC } from '../../trpc/react';

/**
 * Notes a search as recent once it has been answered (messages.rememberSearch), after the
 * list's read and apart from it: the answer never waits on the write, a search the server
 * refused is not offered again, and paging or Select all notes nothing. Once per query.
 */
export function useRememberSearch(query: string, answered: boolean): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { mutate } = useMutation(
    trpc.messages.rememberSearch.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.messages.recentSearches.queryKey() }),
    }),
  );
  const noted = useRef<string | null>(null);
  useEffect(() => {
    if (!answered || !query || noted.current === query) return;
    noted.current = query;
    mutate({ query });
  }, [answered, query, mutate]);
}
