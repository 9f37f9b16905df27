'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@youjian/api';
import { type FormEvent, useId, useState } from 'react';
import { useTRPC } from '../trpc/react';

type Folder = RouterOutputs['accounts']['list'][number]['folders'][number];

function useFolderMutationOptions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return {
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.messages.list.pathKey() });
    },
  };
}

/** A name form shared by "New folder" and "Rename". */
function FolderNameForm(props: {
  label: string;
  submit: string;
  initial: string;
  pending: boolean;
  onSubmit: (name: string) => void;
  onCancel: () => void;
}) {
  const inputId = useId();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.onSubmit(String(new FormData(event.currentTarget).get('name') ?? ''));
  }
  return (
    <form className="folder-form" onSubmit={submit}>
      <label htmlFor={inputId} className="sr-only">
        {props.label}
      </label>
      <input id={inputId} name="name" defaultValue={props.initial} required maxLength={200} />
      <button type="submit" disabled={props.pending}>
        {props.submit}
      </button>
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
    </form>
  );
}

export function NewFolderButton({ accountId }: { accountId: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const create = useMutation(
    trpc.folders.create.mutationOptions({
      ...useFolderMutationOptions(),
      onSuccess: () => setOpen(false),
    }),
  );
  return (
    <div className="folder-tools">
      {open ? (
        <FolderNameForm
          label="Folder name"
          submit="Create"
          initial=""
          pending={create.isPending}
          onSubmit={(name) => create.mutate({ accountId, name })}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <button type="button" className="small-button" onClick={() => setOpen(true)}>
          New folder
        </button>
      )}
      {create.error && (
        <p className="error small" role="alert">
          {create.error.message}
        </p>
      )}
    </div>
  );
}

/** Rename / Delete folder for the user's own folders; role folders keep their names. */
export function FolderItemActions({ accountId, folder }: { accountId: string; folder: Folder }) {
  const trpc = useTRPC();
  const options = useFolderMutationOptions();
  const [renaming, setRenaming] = useState(false);
  const rename = useMutation(
    trpc.folders.rename.mutationOptions({ ...options, onSuccess: () => setRenaming(false) }),
  );
  const remove = useMutation(trpc.folders.delete.mutationOptions(options));
  if (folder.role) return null;
  const error = rename.error ?? remove.error;
  return (
    <div className="folder-item-actions">
      {renaming ? (
        <FolderNameForm
          label={`New name for ${folder.name}`}
          submit="Save"
          initial={folder.name}
          pending={rename.isPending}
          onSubmit={(name) => rename.mutate({ accountId, folderId: folder.id, name })}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <>
          <button
            type="button"
            className="small-button"
            aria-label={`Rename ${folder.name}`}
            onClick={() => setRenaming(true)}
          >
            Rename
          </button>
          <button
            type="button"
            className="small-button"
            aria-label={`Delete folder ${folder.name}`}
            disabled={remove.isPending}
            onClick={() => {
              const confirmed = window.confirm(
                `Delete the folder "${folder.name}" and the messages in it, also at your provider?`,
              );
              if (confirmed) remove.mutate({ accountId, folderId: folder.id });
            }}
          >
            Delete folder
          </button>
        </>
      )}
      {error && (
        <p className="error small" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}
