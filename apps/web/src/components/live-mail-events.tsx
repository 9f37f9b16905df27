'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useRef } from 'react';
import { useTRPC } from '../trpc/react';

/**
 * Keeps the folder list and the message list current: the server pushes a mailbox
 * event whenever the worker changed the mirror, and the affected queries refetch.
 * A sync writes in batches, so events within a short window cause one refetch.
 */
export function LiveMailEvents() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );

  useSubscription(
    trpc.events.onMailEvent.subscriptionOptions(undefined, {
      onData: () => {
        if (pending.current) return;
        pending.current = setTimeout(() => {
          pending.current = null;
          void queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.messages.list.pathKey() });
        }, 250);
      },
    }),
  );
  return null;
}
