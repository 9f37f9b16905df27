'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouterInputs, RouterOutputs } from '@youjian/api';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { useErrorText } from '../../i18n/use-error-text';
import { useFolderLabel } from '../../i18n/use-folder-label';
import { type ListSelection, selectedCount } from '../../lib/selection';
import { useTRPC } from '../../trpc/react';
import { refreshMail } from '../../trpc/refresh-mail';
import { MessageActions } from '../message-actions';
import { MoveToSelect } from './move-to-select';
import { type UndoableKind, useUndoToast } from './use-undo-toast';

type Account = RouterOutputs['accounts']['list'][number];
type Folder = Account['folders'][number];
/** The list's page size; the list's query key includes it. */
export const PAGE_SIZE = 50;

export type ListInput = Omit<RouterInputs['messages']['list'], 'cursor' | 'limit'>;
type BulkAction = RouterInputs['messages']['bulk']['action'];

/**
 * "Select all" and what to do with the ticked messages. A few ticked rows of one mailbox
 * use the per-message actions; all of a view or search (pages not loaded included), or
 * rows of several mailboxes, go to messages.bulk, which finds them on the server.
 */
export function ListToolbar(props: {
  input: ListInput;
  selection: ListSelection;
  loadedIds: readonly string[];
  /** the mailbox of every ticked row, when they share one */
  accountId: string | null;
  folder: Folder | null;
  folders: Folder[];
  /** the mailboxes whose messages the list shows, for moving "all" */
  accounts: Account[];
  onSelectAll: (all: boolean) => void;
  onDone: () => void;
}) {
  const { selection, loadedIds, input } = props;
  const t = useTranslations('mailList');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const folderLabel = useFolderLabel();
  const undo = useUndoToast();
  const count = selectedCount(selection);
  const allBox = useRef<HTMLInputElement>(null);
  const some = count !== null && count > 0;
  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = some;
  }, [some]);

  const bulk = useMutation(
    trpc.messages.bulk.mutationOptions({
      onMutate: async () => {
        // the rows leave the list at once; the refetch below puts back whatever stayed
        const key = trpc.messages.list.infiniteQueryKey({ ...input, limit: PAGE_SIZE });
        await queryClient.cancelQueries({ queryKey: key });
        const before = queryClient.getQueryData(key);
        queryClient.setQueryData(key, (data) =>
          data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: [] })) } : data,
        );
        return { key, before };
      },
      onError: (_error, _variables, context) => {
        if (context?.before) queryClient.setQueryData(context.key, context.before);
      },
      // the toast says what happened and offers Undo, as after the per-message actions
      onSuccess: (done, variables) => {
        props.onDone();
        const kind = undoableKind(variables.action, props.folder);
        if (!kind) return;
        const moveTo = typeof variables.action === 'object' ? variables.action.moveTo : null;
        const target = props.accounts
          .flatMap((account) => account.folders)
          .find((each) => each.id === moveTo);
        undo.after({
          kind,
          count: done.changed,
          origins: done.origins,
          folder: target ? folderLabel(target) : undefined,
        });
      },
      onSettled: () => refreshMail(queryClient, trpc),
    }),
  );
  const label = t('selected', { count: count ?? 0 });
  const everything = selection.kind === 'all';

  return (
    <div className="list-toolbar">
      <label className="select-all">
        <input
          ref={allBox}
          type="checkbox"
          checked={everything}
          disabled={loadedIds.length === 0}
          onChange={(event) => props.onSelectAll(event.target.checked)}
        />
        {t('selectAll')}
      </label>
      {(everything || some) && (
        <span aria-live="polite">
          {everything ? t(input.query ? 'allResultsSelected' : 'allMessagesSelected') : label}
        </span>
      )}
      {everything && (
        <fieldset className="message-actions" style={{ border: 0, padding: 0, minWidth: 0 }}>
          <legend className="sr-only">{t('actionsForAll')}</legend>
          <button type="button" onClick={() => bulk.mutate({ ...input, action: 'archive' })}>
            {t('archive')}
          </button>
          <button type="button" onClick={() => bulk.mutate({ ...input, action: 'delete' })}>
            {t('delete')}
          </button>
          <button type="button" onClick={() => bulk.mutate({ ...input, action: 'markRead' })}>
            {t('markRead')}
          </button>
          <MoveToSelect
            accounts={props.accounts}
            exceptFolderId={props.folder?.id ?? null}
            onMove={(folderId) => bulk.mutate({ ...input, action: { moveTo: folderId } })}
          />
          {bulk.error && (
            <span className="error" role="alert">
              {errorText(bulk.error)}
            </span>
          )}
        </fieldset>
      )}
      {some && props.accountId && (
        <MessageActions
          accountId={props.accountId}
          messageIds={selection.kind === 'some' ? [...selection.ids] : []}
          folder={props.folder}
          folders={props.folders}
          label={label}
          onDone={props.onDone}
        />
      )}
    </div>
  );
}

/** What a "Select all" action did, for its toast; null for flags (undone by the other button). */
function undoableKind(action: BulkAction, folder: Folder | null): UndoableKind | null {
  if (typeof action === 'object') return 'moved';
  if (action === 'archive') return 'archived';
  if (action === 'delete') return folder?.role === 'trash' ? 'deletedForever' : 'trashed';
  return null;
}
