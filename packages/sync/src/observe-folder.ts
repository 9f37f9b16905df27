import { folderStatus, type ImapFlow } from '@youjian/mail';
import type { ObservedFolderStatus } from './strategy';

/**
 * A cheap look at a folder: STATUS, plus — only where the server omits UIDNEXT (NetEase) —
 * the UID of the newest message, which the strategy needs instead (see strategy.ts).
 */
export async function observeFolder(client: ImapFlow, path: string): Promise<ObservedFolderStatus> {
  const status = await folderStatus(client, path);
  if (status.uidNext !== null) return status;
  return { ...status, highestUid: await highestUid(client, path) };
}

async function highestUid(client: ImapFlow, path: string): Promise<number | null> {
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    const selected = client.mailbox;
    if (selected && selected.exists === 0) return null;
    const newest = await client.fetchOne('*', { uid: true }, { uid: false });
    return newest ? newest.uid : null;
  } finally {
    lock.release();
  }
}
