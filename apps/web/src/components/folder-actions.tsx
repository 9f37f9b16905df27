'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@youjian/api';
import { FolderPlus, MoreHorizontal } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId, useState } from 'react';
import { useErrorText } from '../i18n/use-error-text';
import { useTRPC } from '../trpc/react';
import { DeferredMenu } from './ui/deferred-menu';

/** The folder menu's code, loaded on first use (ui/deferred-menu.tsx). */
const loadFolderMenu = () => import('./folder-menu').then((module) => module.FolderMenu);

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
  const t = useTranslations('folders');
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
      <input
        id={inputId}
        name="name"
        defaultValue={props.initial}
        required
        maxLength={200}
        // opened on purpose by the user, who types the name next
        // biome-ignore lint/a11y/noAutofocus: see above
        autoFocus
      />
      <button type="submit" disabled={props.pending}>
        {props.submit}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t('cancel')}
      </button>
    </form>
  );
}

/** "New folder" under a mailbox's folders, opening a name form in place. */
export function NewFolderButton({ accountId }: { accountId: string }) {
  const t = useTranslations('folders');
  const errorText = useErrorText();
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
          label={t('folderName')}
          submit={t('create')}
          initial=""
          pending={create.isPending}
          onSubmit={(name) => create.mutate({ accountId, name })}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <button type="button" className="small-button icon-button" onClick={() => setOpen(true)}>
          <FolderPlus aria-hidden="true" className="icon" size={14} />
          {t('newFolder')}
        </button>
      )}
      {create.error && (
        <p className="error small" role="alert">
          {errorText(create.error)}
        </p>
      )}
    </div>
  );
}

/** Rename / Delete folder for the user's own folders, in a menu; role folders keep their names. */
export function FolderItemActions({ accountId, folder }: { accountId: string; folder: Folder }) {
  const t = useTranslations('folders');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const options = useFolderMutationOptions();
  const [renaming, setRenaming] = useState(false);
  const rename = useMutation(
    trpc.folders.rename.mutationOptions({ ...options, onSuccess: () => setRenaming(false) }),
  );
  const remove = useMutation(trpc.folders.delete.mutationOptions(options));
  if (folder.role) return null;
  const error = rename.error ?? remove.error;
  const name = folder.name;
  return (
    <div className="folder-item-actions">
      {renaming ? (
        <FolderNameForm
          label={t('renameTo', { name })}
          submit={t('save')}
          initial={name}
          pending={rename.isPending}
          onSubmit={(newName) => rename.mutate({ accountId, folderId: folder.id, name: newName })}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <DeferredMenu
          load={loadFolderMenu}
          trigger={{
            className: 'small-button menu-trigger',
            label: t('actions', { name }),
            disabled: remove.isPending,
            children: <MoreHorizontal aria-hidden="true" className="icon" size={16} />,
          }}
          menu={{
            name,
            onRename: () => setRenaming(true),
            onDelete: () => remove.mutate({ accountId, folderId: folder.id }),
          }}
        />
      )}
      {error && (
        <p className="error small" role="alert">
          {errorText(error)}
        </p>
      )}
    </div>
  );
}
