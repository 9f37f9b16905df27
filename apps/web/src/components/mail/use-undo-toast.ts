'use client';

import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useErrorText } from '../../i18n/use-error-text';
import { undoMoves } from '../../lib/undo-moves';
import { useTRPC } from '../../trpc/react';
import { useToast } from '../ui/toaster';

/** What was done, for the toast's words (toast.* in the catalogues). */
export type UndoableKind = 'archived' | 'trashed' | 'spam' | 'notSpam' | 'moved' | 'deletedForever';

type Cached = { id: string; mailboxId: string };
type ListData = { pages?: Array<{ items: Cached[] }> };

/**
 * Where each message is now (its folder id), read from the lists and opened messages in
 * the query cache — taken before a destructive action so its Undo can move them back.
 * `fallback` is the folder shown, for a message in no cache.
 */
function currentFolders(
  queryClient: QueryClient,
  keys: { list: readonly unknown[]; get: readonly unknown[] },
  messageIds: readonly string[],
  fallback: string | null,
): Map<string, string | null> {
  const known = new Map<string, string>();
  for (const [, data] of queryClient.getQueriesData<ListData>({ queryKey: keys.list })) {
    for (const item of data?.pages?.flatMap((page) => page.items) ?? []) {
      known.set(item.id, item.mailboxId);
    }
  }
  for (const [, data] of queryClient.getQueriesData<Cached>({ queryKey: keys.get })) {
    if (data?.id) known.set(data.id, data.mailboxId);
  }
  return new Map(messageIds.map((id) => [id, known.get(id) ?? fallback]));
}

/**
 * After Archive, Delete, Spam, Not spam or Move to: a toast saying what happened with an
 * Undo that moves each message back to the folder it came from (a deletion for good says
 * so and offers none). `const undo = useUndoToast(); const origins = undo.before(ids,
 * folderId); …; undo.after({ kind, accountId, origins })`.
 */
export function useUndoToast() {
  const t = useTranslations('toast');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const move = useMutation(trpc.messages.move.mutationOptions());
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.messages.list.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.messages.get.pathKey() });
  };

  const undo = async (accountId: string, origins: Map<string, string | null>) => {
    try {
      for (const back of undoMoves(origins)) {
        await move.mutateAsync({ accountId, ...back });
      }
      toast({ text: t('undone'), tone: 'done' });
    } catch (error) {
      toast({ text: errorText(error), tone: 'failed' });
    } finally {
      await refresh();
    }
  };

  return {
    before: (messageIds: readonly string[], folderId: string | null) =>
      currentFolders(
        queryClient,
        { list: trpc.messages.list.pathKey(), get: trpc.messages.get.pathKey() },
        messageIds,
        folderId,
      ),
    after: (done: {
      kind: UndoableKind;
      accountId: string;
      origins: Map<string, string | null>;
      /** the target folder's name, for "moved" */
      folder?: string;
    }) => {
      const count = done.origins.size;
      const canUndo = done.kind !== 'deletedForever' && undoMoves(done.origins).length > 0;
      toast({
        text: t(done.kind, { count, folder: done.folder ?? '' }),
        tone: 'done',
        action: canUndo
          ? {
              label: t('undo'),
              altText: t('undoAlt'),
              onAction: () => void undo(done.accountId, done.origins),
            }
          : undefined,
      });
    },
  };
}
