'use client';

import type { RouterOutputs } from '@youjian/api';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { useFolderLabel } from '../../i18n/use-folder-label';

type Account = RouterOutputs['accounts']['list'][number];

/**
 * "Move to…" for every message of a view or search ("Select all"). A folder belongs to
 * one mailbox, so across several mailboxes the folders are grouped under each address:
 * choosing one moves that mailbox's messages there (messages.bulk with moveTo) and leaves
 * the others where they are. `exceptFolderId` is the folder shown, not offered.
 */
export function BulkMoveSelect(props: {
  accounts: Account[];
  exceptFolderId: string | null;
  onMove: (folderId: string) => void;
}) {
  const t = useTranslations('mail');
  const folderLabel = useFolderLabel();
  const id = useId();
  const options = (account: Account) =>
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
