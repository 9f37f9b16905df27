'use client';

import { useTranslations } from 'next-intl';
import { folderLabel } from '../lib/folder-label';

/** `const label = useFolderLabel(); label(folder)`: role folders in the user's language. */
export function useFolderLabel(): (folder: { role: string | null; name: string }) => string {
  const t = useTranslations('folders');
  return (folder) => folderLabel(folder, (role) => t(role));
}
