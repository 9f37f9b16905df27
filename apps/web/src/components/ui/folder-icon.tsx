import {
  Archive,
  FilePen,
  Folder,
  Inbox,
  type LucideIcon,
  Send,
  ShieldAlert,
  Trash2,
} from 'lucide-react';

const ROLE_ICONS: Record<string, LucideIcon> = {
  inbox: Inbox,
  sent: Send,
  drafts: FilePen,
  archive: Archive,
  junk: ShieldAlert,
  trash: Trash2,
};

/** The icon of a folder by its role (lucide), a plain folder for the others; decorative. */
export function FolderIcon({ role }: { role: string | null }) {
  const Icon = (role && ROLE_ICONS[role]) || Folder;
  return <Icon aria-hidden="true" className="icon" size={16} strokeWidth={1.75} />;
}
