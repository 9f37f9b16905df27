'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useErrorText, useProblemText } from '../../i18n/use-error-text';
import { useTRPC, useTRPCClient } from '../../trpc/react';
import { useToast } from '../ui/toaster';
import { type ComposeDraft, composeDraftOf } from './compose-draft';

export type SendStatusTone = 'progress' | 'done' | 'failed';

const POLL_MS = 1_000;
const POLL_LIMIT = 120;

/** What messages.send answered: the queue row and when it goes. */
export interface QueuedSend {
  id: string;
  notBefore: Date;
  scheduled: boolean;
}

/**
 * What happens after Send: a scheduled mail says when it will go; otherwise, while the
 * undo delay runs, a toast offers "Undo" (it cancels the queue row — race-free on the
 * server — and reopens compose with the text), and the status line follows the worker
 * until the mail is sent or fails. Returns the function compose calls with the answer.
 */
export function useSendFeedback(options: {
  onStatus: (status: string, tone: SendStatusTone) => void;
  onReopen: (draft: ComposeDraft) => void;
}) {
  const { onStatus, onReopen } = options;
  const t = useTranslations('compose');
  const tOutbox = useTranslations('outbox');
  const locale = useLocale();
  const errorText = useErrorText();
  const problemText = useProblemText();
  const toast = useToast();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // the plain client, not useMutation: compose (this hook's component) is closed by the
  // time Undo is pressed, and a mutation's callbacks do not run after its observer unmounts
  const client = useTRPCClient();

  async function followDelivery(accountId: string, id: string, subject: string) {
    for (let attempt = 0; attempt < POLL_LIMIT; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const status = await queryClient.fetchQuery({
        ...trpc.messages.outgoingStatus.queryOptions({ accountId, id }),
        staleTime: 0,
      });
      if (status.state === 'cancelled') return;
      if (status.state === 'sent') return onStatus(t('sent', { subject }), 'done');
      if (status.state === 'failed') {
        const reason = status.problem ? problemText(status.problem) : t('providerRefused');
        return onStatus(t('notSent', { reason }), 'failed');
      }
    }
    onStatus(t('stillWaiting', { subject }), 'failed');
  }

  function undo(accountId: string, id: string) {
    client.outbox.cancel.mutate({ accountId, id }).then(
      (fields) => {
        onStatus(tOutbox('undone'), 'done');
        onReopen(composeDraftOf(fields));
      },
      (error: unknown) => onStatus(errorText(error), 'failed'),
    );
  }

  return (input: { accountId: string; subject: string }, queued: QueuedSend) => {
    const { accountId, subject } = input;
    void queryClient.invalidateQueries({ queryKey: trpc.outbox.list.queryKey() });
    if (queued.scheduled) {
      const time = new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(queued.notBefore);
      onStatus(tOutbox('scheduledFor', { subject, time }), 'done');
      return;
    }
    const seconds = Math.round((queued.notBefore.getTime() - Date.now()) / 1000);
    if (seconds > 0) {
      toast({
        text: tOutbox('sendingIn', { seconds }),
        durationMs: seconds * 1000,
        action: {
          label: tOutbox('undo'),
          altText: tOutbox('undoAlt'),
          onAction: () => undo(accountId, queued.id),
        },
      });
    }
    onStatus(t('sendingSubject', { subject }), 'progress');
    // the status could not be read (offline, signed out): never the transport's English
    followDelivery(accountId, queued.id, subject).catch(() =>
      onStatus(t('statusUnknown'), 'failed'),
    );
  };
}
