'use client';

import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@youjian/api';
import { Forward, Paperclip, Reply, ReplyAll } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useErrorText } from '../i18n/use-error-text';
import { useFolderLabel } from '../i18n/use-folder-label';
import { useTRPC } from '../trpc/react';
import { refreshMail } from '../trpc/refresh-mail';
import type { ResponseKind } from './compose-dialog';
import { MoveToSelect } from './mail/move-to-select';
import { type UndoableKind, useUndoToast } from './mail/use-undo-toast';

type Folder = RouterOutputs['accounts']['list'][number]['folders'][number];
/** a page of messages.list, or of conversations.list (whose rows also carry messageIds) */
type MessagePage = {
  items: Array<RouterOutputs['messages']['list']['items'][number] & { messageIds?: string[] }>;
};

/**
 * Archive, Delete, Spam / Not spam and Move to for one or several messages of a mailbox.
 * The messages leave the list at once (the server already changed its mirror; the
 * provider follows through the worker's queue) and the lists are then refetched; a toast
 * says what happened and offers Undo.
 */
export function MessageActions(props: {
  accountId: string;
  messageIds: string[];
  /** the folder the messages are shown in (decides "Spam" or "Not spam") */
  folder: Folder | null;
  folders: Folder[];
  /** what the messages are called in accessible names, e.g. "message" or "3 selected" */
  label: string;
  onDone?: () => void;
}) {
  const { accountId, messageIds, folder, folders, label } = props;
  const t = useTranslations('mail');
  const folderLabel = useFolderLabel();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const undo = useUndoToast();

  const removeFromLists = () => {
    const gone = new Set(messageIds);
    const leaving = (item: { id: string; messageIds?: string[] }) =>
      gone.has(item.id) || (item.messageIds?.every((id) => gone.has(id)) ?? false);
    for (const queryKey of [trpc.messages.list.pathKey(), trpc.conversations.list.pathKey()]) {
      queryClient.setQueriesData<InfiniteData<MessagePage>>({ queryKey }, (data) =>
        data?.pages
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.filter((item) => !leaving(item)),
              })),
            }
          : data,
      );
    }
  };
  const options = {
    onMutate: removeFromLists,
    onSuccess: () => props.onDone?.(),
    // the opened messages are cached with their folder: after a move their actions follow
    onSettled: () => refreshMail(queryClient, trpc),
  };
  // each action's toast says what happened and offers to put the messages back (Undo),
  // where the server says they were
  const undoable = (kind: UndoableKind) => ({
    ...options,
    onSuccess: (
      done: { origins: Array<{ id: string; mailboxId: string }> },
      input: { messageIds: string[]; toMailboxId?: string },
    ) => {
      options.onSuccess();
      const target = folders.find((each) => each.id === input.toMailboxId);
      undo.after({
        kind,
        accountId,
        count: input.messageIds.length,
        origins: done.origins,
        folder: target ? folderLabel(target) : undefined,
      });
    },
  });
  const archive = useMutation(trpc.messages.archive.mutationOptions(undoable('archived')));
  const remove = useMutation(
    trpc.messages.delete.mutationOptions(
      undoable(folder?.role === 'trash' ? 'deletedForever' : 'trashed'),
    ),
  );
  const spam = useMutation(trpc.messages.markSpam.mutationOptions(undoable('spam')));
  const notSpam = useMutation(trpc.messages.markNotSpam.mutationOptions(undoable('notSpam')));
  const move = useMutation(trpc.messages.move.mutationOptions(undoable('moved')));
  const error = [archive, remove, spam, notSpam, move].find((m) => m.error)?.error;

  const selection = { accountId, messageIds };
  const inJunk = folder?.role === 'junk';
  const inArchive = folder?.role === 'archive';
  const inTrash = folder?.role === 'trash';
  return (
    // a fieldset groups the controls under one accessible name; no frame of its own
    <fieldset className="message-actions" style={{ border: 0, padding: 0, minWidth: 0 }}>
      <legend className="sr-only">{t('actionsFor', { label })}</legend>
      {!inArchive && (
        <button type="button" onClick={() => archive.mutate(selection)}>
          {t('archive')}
        </button>
      )}
      <button
        type="button"
        title={inTrash ? t('deleteForGood') : t('moveToTrash')}
        onClick={() => remove.mutate(selection)}
      >
        {inTrash ? t('deleteForever') : t('delete')}
      </button>
      {inJunk ? (
        <button type="button" onClick={() => notSpam.mutate(selection)}>
          {t('notSpam')}
        </button>
      ) : (
        <button type="button" onClick={() => spam.mutate(selection)}>
          {t('spam')}
        </button>
      )}
      <MoveToSelect
        accounts={[{ id: accountId, folders }]}
        exceptFolderId={folder?.id ?? null}
        onMove={(toMailboxId) => move.mutate({ ...selection, toMailboxId })}
      />
      {error && (
        <span className="error" role="alert">
          {errorText(error)}
        </span>
      )}
    </fieldset>
  );
}

const RESPONSES = [
  { kind: 'reply', label: 'reply', Icon: Reply },
  { kind: 'replyAll', label: 'replyAll', Icon: ReplyAll },
  { kind: 'forward', label: 'forward', Icon: Forward },
  { kind: 'forwardAsAttachment', label: 'forwardAsAttachment', Icon: Paperclip },
] as const satisfies ReadonlyArray<{ kind: ResponseKind; label: string; Icon: unknown }>;

/** Reply, Reply all, Forward and Forward as attachment for the open message. */
export function ReplyButtons({ onRespond }: { onRespond: (kind: ResponseKind) => void }) {
  const t = useTranslations('mail');
  return (
    <fieldset className="message-actions reply-actions">
      <legend className="sr-only">{t('respond')}</legend>
      {RESPONSES.map(({ kind, label, Icon }) => (
        <button key={kind} type="button" className="icon-button" onClick={() => onRespond(kind)}>
          <Icon aria-hidden="true" className="icon" size={16} />
          {t(label)}
        </button>
      ))}
    </fieldset>
  );
}
