'use client';

// Radix DropdownMenu: the menu pattern (arrow keys, typeahead, Escape, focus return) done
// right, so a folder's Rename and Delete take one small button instead of two wide ones
// that squeezed the folder's name to "其…". Loaded on first use (ui/deferred-menu.tsx).
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Pencil, Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { LoadedMenu } from './ui/deferred-menu';

/** What a user folder's menu does: Rename, or Delete after the user confirms. */
export interface FolderMenuProps {
  name: string;
  onRename: () => void;
  onDelete: () => void;
}

/** Rename / Delete for one user folder, as a Radix DropdownMenu. */
export const FolderMenu: LoadedMenu<FolderMenuProps> = ({
  name,
  onRename,
  onDelete,
  trigger,
  defaultOpen,
}) => {
  const t = useTranslations('folders');
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger
        className={trigger.className}
        aria-label={trigger.label}
        disabled={trigger.disabled}
      >
        {trigger.children}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
          <DropdownMenu.Item className="menu-item" onSelect={onRename}>
            <Pencil aria-hidden="true" className="icon" size={14} />
            {t('renameItem')}
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className="menu-item danger"
            onSelect={() => {
              if (window.confirm(t('confirmDelete', { name }))) onDelete();
            }}
          >
            <Trash2 aria-hidden="true" className="icon" size={14} />
            {t('deleteItem')}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
};
