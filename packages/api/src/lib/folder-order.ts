import type { FolderRole } from '@youjian/db/schema';

/** The order a mail client shows special folders in (RFC 6154 roles), before all others. */
const ROLE_ORDER: readonly FolderRole[] = ['inbox', 'drafts', 'sent', 'archive', 'junk', 'trash'];

const rank = (role: FolderRole | null) => {
  const index = role ? ROLE_ORDER.indexOf(role) : -1;
  return index === -1 ? ROLE_ORDER.length : index;
};

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Role folders first in a fixed order, then the rest by path (so children follow parents). */
export function compareFolders(
  a: { role: FolderRole | null; path: string },
  b: { role: FolderRole | null; path: string },
): number {
  return rank(a.role) - rank(b.role) || collator.compare(a.path, b.path);
}
