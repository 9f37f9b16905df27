/** Unread mail waiting in the inboxes of every linked mailbox: what the tab title counts. */
export function inboxUnread(
  accounts: readonly { folders: readonly { role: string | null; unreadCount: number }[] }[],
): number {
  return accounts
    .flatMap((account) => account.folders)
    .filter((folder) => folder.role === 'inbox')
    .reduce((total, folder) => total + folder.unreadCount, 0);
}
