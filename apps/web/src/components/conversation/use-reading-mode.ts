'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../trpc/react';

export type ReadingMode = 'conversation' | 'message';

/**
 * How the user reads mail (Settings → Reading): conversations, the default, or one message
 * at a time. Null until the saved preference is known, so the list does not load one way
 * and then the other.
 */
export function useReadingMode(): ReadingMode | null {
  const trpc = useTRPC();
  const preferences = useQuery(trpc.preferences.get.queryOptions(undefined, { staleTime: 60_000 }));
  if (preferences.isPending) return null;
  return preferences.data?.readingMode ?? 'conversation';
}
