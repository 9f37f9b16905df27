'use client';

import { Pencil, Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { LoadedMenu } from './ui/deferred-menu';
import { MenuItem, RadixMenu } from './ui/radix-menu';

/** What a user folder's menu does: Rename, or Delete after the user confirms. */
export interface FolderMenuProps {
  name: string;
  onRename: () => void;
  onDelete: () => void;
}

/**
 * Rename / Delete for one user folder: one small button instead of two wide ones that
 * squeezed the folder's name to "其…". Loaded on first use (folder-actions.tsx).
 */
export const FolderMenu: LoadedMenu<FolderMenuProps> = ({
  name,
  onRename,
  onDelete,
  trigger,
  defaultOpen,
}) => {
  const t = useTranslations('folders');
  return (
    <RadixMenu trigger={trigger} defaultOpen={defaultOpen}>
      <MenuItem className="menu-item" onSelect={onRename}>
        <Pencil aria-hidden="true" className="icon" size={14} />
        {t('renameItem')}
      </MenuItem>
      <MenuItem
        className="menu-item danger"
        onSelect={() => {
          if (window.confirm(t('confirmDelete', { name }))) onDelete();
        }}
      >
        <Trash2 aria-hidden="true" className="icon" size={14} />
        {t('deleteItem')}
      </MenuItem>
    </RadixMenu>
  );
};
