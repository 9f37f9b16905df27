/**
 * Which role a folder plays. Server flags first — SPECIAL-USE (RFC 6154 §2) or the older
 * XLIST flags QQ Mail still uses — then the names QQ, NetEase and common servers give
 * their special folders.
 */
import type { FolderRole } from './types';

/** RFC 6154 attributes plus XLIST's \Inbox and \Spam (XLIST predates \Junk). */
const FLAG_ROLES: Record<string, FolderRole> = {
  '\\inbox': 'inbox',
  '\\sent': 'sent',
  '\\drafts': 'drafts',
  '\\trash': 'trash',
  '\\junk': 'junk',
  '\\spam': 'junk',
  '\\archive': 'archive',
};

/** Names as QQ (English), NetEase (Chinese), Apple and Outlook servers spell them. */
const NAME_ROLES: Record<string, FolderRole> = {
  'sent messages': 'sent',
  sent: 'sent',
  'sent items': 'sent',
  'sent mail': 'sent',
  已发送: 'sent',
  已发送邮件: 'sent',
  drafts: 'drafts',
  draft: 'drafts',
  草稿箱: 'drafts',
  草稿: 'drafts',
  'deleted messages': 'trash',
  trash: 'trash',
  'deleted items': 'trash',
  已删除: 'trash',
  已删除邮件: 'trash',
  junk: 'junk',
  'junk e-mail': 'junk',
  spam: 'junk',
  垃圾邮件: 'junk',
  垃圾箱: 'junk',
  archive: 'archive',
  archives: 'archive',
  归档: 'archive',
};

export function detectFolderRole(input: {
  path: string;
  name: string;
  flags: string[];
}): FolderRole | null {
  // RFC 3501 §5.1: INBOX is case-insensitive and always the inbox.
  if (input.path.toUpperCase() === 'INBOX') return 'inbox';
  for (const flag of input.flags) {
    const role = FLAG_ROLES[flag.toLowerCase()];
    if (role) return role;
  }
  return NAME_ROLES[input.name.trim().toLowerCase()] ?? null;
}
