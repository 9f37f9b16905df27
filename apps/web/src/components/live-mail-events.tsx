'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useRef } from 'react';
import { useTRPC } from '../trpc/react';
import { refreshMail } from '../trpc/refresh-mail';

/**
 * Keeps the folder list and the message list current: the server pushes a mailbox
 * event whenever the worker changed the mirror, and the affected queries refetch.
 * The first event refetches at once (new mail shows without delay); a sync writes in
 * batches, so further events within 250 ms are folded into one refetch at its end.
 */
export function LiveMailEvents() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const missed = useRef(false);

  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );

  const refetch = () => void refreshMail(queryClient, trpc);
  const foldFor250ms = () => {
    pending.current = setTimeout(() => {
      pending.current = null;
      if (!missed.current) return;
      missed.current = false;
      refetch();
      foldFor250ms();
    }, 250);
  };

  useSubscription(
    trpc.events.onMailEvent.subscriptionOptions(undefined, {
      onData: () => {
        if (pending.current) {
          missed.current = true;
          return;
        }
        refetch();
        foldFor250ms();
      },
    }),
  );
  return null;
}
