'use client';

import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@youjian/api';
import { useId } from 'react';
import { useTRPC } from '../trpc/react';
import type { ResponseKind } from './compose-dialog';

type Folder = RouterOutputs['accounts']['list'][number]['folders'][number];
type MessagePage = RouterOutputs['messages']['list'];

const folderLabel = (folder: Folder) => (folder.role === 'inbox' ? 'Inbox' : folder.name);

/**
 * Archive, Delete, Spam / Not spam and Move to for one or several messages of a mailbox.
 * The messages leave the list at once (the server already changed its mirror; the
 * provider follows through the worker's queue) and the lists are then refetched.
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
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const moveId = useId();

  const removeFromLists = () => {
    const gone = new Set(messageIds);
    queryClient.setQueriesData<InfiniteData<MessagePage>>(
      { queryKey: trpc.messages.list.pathKey() },
      (data) =>
        data?.pages
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.filter((item) => !gone.has(item.id)),
              })),
            }
          : data,
    );
  };
  const options = {
    onMutate: removeFromLists,
    onSuccess: () => props.onDone?.(),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.messages.list.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() });
      // an opened message is cached with its folder: after a move its actions must follow
      await queryClient.invalidateQueries({ queryKey: trpc.messages.get.pathKey() });
    },
  };
  const archive = useMutation(trpc.messages.archive.mutationOptions(options));
  const remove = useMutation(trpc.messages.delete.mutationOptions(options));
  const spam = useMutation(trpc.messages.markSpam.mutationOptions(options));
  const notSpam = useMutation(trpc.messages.markNotSpam.mutationOptions(options));
  const move = useMutation(trpc.messages.move.mutationOptions(options));
  const error = [archive, remove, spam, notSpam, move].find((m) => m.error)?.error;

  const selection = { accountId, messageIds };
  const inJunk = folder?.role === 'junk';
  const inArchive = folder?.role === 'archive';
  const inTrash = folder?.role === 'trash';
  const targets = folders.filter((candidate) => candidate.id !== folder?.id);
  return (
    // a fieldset groups the controls under one accessible name; no frame of its own
    <fieldset className="message-actions" style={{ border: 0, padding: 0, minWidth: 0 }}>
      <legend className="sr-only">{`Actions for ${label}`}</legend>
      {!inArchive && (
        <button type="button" onClick={() => archive.mutate(selection)}>
          Archive
        </button>
      )}
      <button
        type="button"
        title={inTrash ? 'Delete for good' : 'Move to Trash'}
        onClick={() => remove.mutate(selection)}
      >
        {inTrash ? 'Delete forever' : 'Delete'}
      </button>
      {inJunk ? (
        <button type="button" onClick={() => notSpam.mutate(selection)}>
          Not spam
        </button>
      ) : (
        <button type="button" onClick={() => spam.mutate(selection)}>
          Spam
        </button>
      )}
      <label htmlFor={moveId} className="sr-only">
        Move to
      </label>
      <select
        id={moveId}
        value=""
        onChange={(event) => {
          const toMailboxId = event.target.value;
          if (toMailboxId) move.mutate({ ...selection, toMailboxId });
        }}
      >
        <option value="">Move to…</option>
        {targets.map((target) => (
          <option key={target.id} value={target.id}>
            {folderLabel(target)}
          </option>
        ))}
      </select>
      {error && (
        <span className="error" role="alert">
          {error.message}
        </span>
      )}
    </fieldset>
  );
}

const RESPONSES: Array<{ kind: ResponseKind; label: string }> = [
  { kind: 'reply', label: 'Reply' },
  { kind: 'replyAll', label: 'Reply all' },
  { kind: 'forward', label: 'Forward' },
  { kind: 'forwardAsAttachment', label: 'Forward as attachment' },
];

/** Reply, Reply all, Forward and Forward as attachment for the open message. */
export function ReplyButtons({ onRespond }: { onRespond: (kind: ResponseKind) => void }) {
  return (
    <fieldset className="message-actions reply-actions">
      <legend className="sr-only">Respond</legend>
      {RESPONSES.map(({ kind, label }) => (
        <button key={kind} type="button" onClick={() => onRespond(kind)}>
          {label}
        </button>
      ))}
    </fieldset>
  );
}
