'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { useTRPC } from '../../trpc/react';
import type { MailLocation } from '../mail-location';
import { type ComposeDraft, composeDraftOf } from './compose-draft';

/**
 * A message opened in a Drafts folder (or the Drafts view) opens compose instead of the
 * reading pane, as in QQ Mail, 163 and Gmail: drafts.open gives the draft (adopting one
 * written elsewhere), and the URL goes back to the list so Back does not reopen it.
 */
export function useOpenDraft(options: {
  location: MailLocation & { href: (change: Partial<MailLocation>) => string };
  inDrafts: boolean;
  onOpen: (draft: ComposeDraft) => void;
}) {
  const { location, inDrafts, onOpen } = options;
  const trpc = useTRPC();
  const router = useRouter();
  const open = useMutation(trpc.drafts.open.mutationOptions());
  const opened = useRef<string | null>(null);
  const { accountId, messageId } = location;
  useEffect(() => {
    if (!messageId) opened.current = null;
    if (!inDrafts || !accountId || !messageId || opened.current === messageId) return;
    opened.current = messageId;
    open.mutate(
      { accountId, messageId },
      {
        onSuccess: (draft) => {
          onOpen(composeDraftOf({ ...draft, ...draft.content }));
          router.replace(location.href({ messageId: null }));
        },
      },
    );
  }, [inDrafts, accountId, messageId, open, onOpen, router, location]);
  return open;
}
