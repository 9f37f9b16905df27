'use client';

import type { RouterOutputs } from '@youjian/api';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { useFolderLabel } from '../../i18n/use-folder-label';

type Folder = RouterOutputs['accounts']['list'][number]['folders'][number];

/** A mailbox's folders; `address` names the group when several mailboxes are offered. */
export interface MoveTargets {
  id: string;
  address?: string;
  folders: Folder[];
}

/**
 * "Move to…": a select of the folders a message can go to — of the open message's mailbox,
 * or of every mailbox of a view or search ("Select all"). A folder belongs to one mailbox,
 * so across several mailboxes the folders are grouped under each address: choosing one
 * moves that mailbox's messages there and leaves the others where they are.
 * `exceptFolderId` is the folder shown, not offered.
 */
export function MoveToSelect(props: {
  accounts: MoveTargets[];
  exceptFolderId: string | null;
  onMove: (folderId: string) => void;
}) {
  const t = useTranslations('mail');
  const folderLabel = useFolderLabel();
  const id = useId();
  const options = (account: MoveTargets) =>
    account.folders
      .filter((folder) => folder.id !== props.exceptFolderId)
      .map((folder) => (
        <option key={folder.id} value={folder.id}>
          {folderLabel(folder)}
        </option>
      ));
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {t('moveToLabel')}
      </label>
      <select
        id={id}
        value=""
        onChange={(event) => event.target.value && props.onMove(event.target.value)}
      >
        <option value="">{t('moveTo')}</option>
        {props.accounts.length === 1
          ? props.accounts.map(options)
          : props.accounts.map((account) => (
              <optgroup key={account.id} label={account.address}>
                {options(account)}
              </optgroup>
            ))}
      </select>
    </>
  );
}
