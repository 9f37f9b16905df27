'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useErrorText } from '../../i18n/use-error-text';
import { undoBulkMoves } from '../../lib/undo-moves';
import { useTRPC, useTRPCClient } from '../../trpc/react';
import { refreshMail } from '../../trpc/refresh-mail';
import { useToast } from '../ui/toaster';

/** What was done, for the toast's words (toast.* in the catalogues). */
export type UndoableKind = 'archived' | 'trashed' | 'spam' | 'notSpam' | 'moved' | 'deletedForever';

/**
 * After Archive, Delete, Spam, Not spam or Move to: a toast saying what happened with an
 * Undo that moves each message back to the folder the server says it came from (the
 * mutation's `origins`; a deletion for good has none, says so and offers no Undo). "Select
 * all" (messages.bulk) answers origins of several mailboxes, each naming its own.
 * `const undo = useUndoToast(); … onSuccess: undo.after({ kind, accountId, count, origins })`.
 */
export function useUndoToast() {
  const t = useTranslations('toast');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  // the plain client, not a useMutation: the toast outlives the toolbar that showed it (its
  // selection ends with the action), and Undo must still work then
  const client = useTRPCClient();
  // every view of the mail: lists, conversations (the default view) and open messages
  const refresh = () => refreshMail(queryClient, trpc);

  const undo = async (moves: ReturnType<typeof undoBulkMoves>) => {
    try {
      for (const back of moves) await client.messages.move.mutate(back);
      toast({ text: t('undone'), tone: 'done' });
    } catch (error) {
      toast({ text: errorText(error), tone: 'failed' });
    } finally {
      await refresh();
    }
  };

  return {
    after: (done: {
      kind: UndoableKind;
      /** the mailbox of every origin that names none */
      accountId?: string;
      /** how many messages the action was for */
      count: number;
      /** where each message that moved was before (messages.* mutations answer it) */
      origins: ReadonlyArray<{ id: string; mailboxId: string; accountId?: string }>;
      /** the target folder's name, for "moved" */
      folder?: string;
    }) => {
      const { count } = done;
      const moves = undoBulkMoves(
        done.origins.flatMap((origin) => {
          const accountId = origin.accountId ?? done.accountId;
          return accountId ? [{ ...origin, accountId }] : [];
        }),
      );
      const canUndo = done.kind !== 'deletedForever' && moves.length > 0;
      toast({
        text: t(done.kind, { count, folder: done.folder ?? '' }),
        tone: 'done',
        action: canUndo
          ? {
              label: t('undo'),
              altText: t('undoAlt'),
              onAction: () => void undo(moves),
            }
          : undefined,
      });
    },
  };
}
