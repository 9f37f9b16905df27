'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useErrorText } from '../../i18n/use-error-text';
import type { KeyTargets } from '../../lib/key-targets';
import { useTRPC, useTRPCClient } from '../../trpc/react';
import { refreshMail } from '../../trpc/refresh-mail';
import { useToast } from '../ui/toaster';
import { type UndoableKind, useUndoToast } from './use-undo-toast';

export type RowCommand = 'archive' | 'delete' | 'spam' | 'star' | 'markRead' | 'markUnread';

/**
 * The list keys' actions on rows that are not the open message — ticked rows, or the
 * keyboard's current row (key-targets.ts): one call per mailbox, then every list and
 * open message refreshed; a move says so in a toast with Undo, as the buttons do.
 * `folderRole` is the shown folder's (Delete in Trash deletes for good).
 */
export function useRowCommands(folderRole: string | null) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const undo = useUndoToast();
  const toast = useToast();
  const errorText = useErrorText();

  const moveKind = (command: RowCommand): UndoableKind | null => {
    if (command === 'archive') return 'archived';
    if (command === 'spam') return 'spam';
    if (command === 'delete') return folderRole === 'trash' ? 'deletedForever' : 'trashed';
    return null;
  };

  return async (command: RowCommand, targets: Extract<KeyTargets, { kind: 'rows' }>) => {
    try {
      for (const [accountId, messageIds] of targets.byAccount) {
        const selection = { accountId, messageIds };
        const kind = moveKind(command);
        // a move answers where each message was, for its Undo
        let moved: { origins: Array<{ id: string; mailboxId: string }> } | null = null;
        if (command === 'archive') moved = await client.messages.archive.mutate(selection);
        else if (command === 'delete') moved = await client.messages.delete.mutate(selection);
        else if (command === 'spam') moved = await client.messages.markSpam.mutate(selection);
        else if (command === 'star') {
          await client.messages.setFlags.mutate({ ...selection, flagged: !targets.allFlagged });
        } else {
          await client.messages.setFlags.mutate({ ...selection, seen: command === 'markRead' });
        }
        if (kind && moved) {
          undo.after({ kind, accountId, count: messageIds.length, origins: moved.origins });
        }
      }
    } catch (error) {
      toast({ text: errorText(error), tone: 'failed' });
    } finally {
      await refreshMail(queryClient, trpc);
    }
  };
}
