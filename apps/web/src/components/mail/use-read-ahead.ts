'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTRPC, useTRPCClient } from '../../trpc/react';
import { useReadingMode } from '../conversation/use-reading-mode';

/** At most this many rows are read ahead at a time (two screens of a tall window). */
const READ_AHEAD_ROWS = 24;
/**
 * The list must rest this long (ms) before reading ahead again: a scroll flies past its
 * rows. Its first rows are read at once — a click may follow the list's appearance closely.
 */
const SETTLE_MS = 150;

/**
 * Reads ahead what opening one of `rows` (those in sight and the next screenful) shows, so
 * that a click paints from the cache instead of waiting for a round trip (issue 11:
 * ui.open_message_p95_ms): the message (messages.peek, which answers only for bodies
 * already in the mirror — nothing is fetched from the mail server for a row that merely
 * scrolled by) and, when reading by conversation, its conversation. At once for the first
 * rows, then once the list has rested; each row once per list; rows already cached are left
 * alone; an open of a row whose read is on its way waits for it (openMessageOptions). tRPC
 * batches the reads into a few requests — not Next's prefetch of each row's page, which
 * issue 11 found aborted by the hundred.
 */
export function useReadAhead(rows: ReadonlyArray<{ accountId: string; id: string }>): void {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const mode = useReadingMode();
  const asked = useRef(new Set<string>());
  const refs = rows
    .slice(0, READ_AHEAD_ROWS)
    .map((row) => `${row.accountId} ${row.id}`)
    .join('\n');
  useEffect(() => {
    if (mode === null || refs === '') return;
    const timer = setTimeout(
      () => {
        void import('./read-ahead').then(({ readAhead }) =>
          readAhead({
            refs: refs.split('\n'),
            mode,
            asked: asked.current,
            trpc,
            client,
            queryClient,
          }),
        );
      },
      asked.current.size === 0 ? 0 : SETTLE_MS,
    );
    return () => clearTimeout(timer);
  }, [refs, mode, queryClient, trpc, client]);
}
