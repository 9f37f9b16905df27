/**
 * The server writes the write-back queue needs beyond what @youjian/mail offers today:
 * UIDs still present, exact-UID expunge, and folder CREATE / RENAME / DELETE. Every
 * failure becomes a MailError, like the mail package's own calls.
 */
import { fetchFlags, type ImapFlow, listFolders, MailError, toMailError } from '@youjian/mail';

function refused(command: string, path: string): MailError {
  return new MailError({
    code: 'PROTOCOL',
    protocol: 'imap',
    userMessage: `The IMAP server refused ${command} for folder "${path}".`,
  });
}

async function imapCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toMailError(error, 'imap');
  }
}

/** Which of these UIDs the folder still holds (UID FETCH of a set skips missing ones). */
export async function presentUids(
  client: ImapFlow,
  path: string,
  uids: number[],
): Promise<Set<number>> {
  const wanted = uids.filter((uid) => uid > 0);
  if (wanted.length === 0) return new Set();
  const wantedSet = new Set(wanted);
  const found = await fetchFlags(client, path, wanted.join(','));
  return new Set(found.map((m) => m.uid).filter((uid) => wantedSet.has(uid)));
}

/**
 * STORE +FLAGS \Deleted then UID EXPUNGE of exactly these UIDs (RFC 4315 §2.1). Without
 * UIDPLUS a plain EXPUNGE would also remove messages other clients flagged \Deleted, so
 * such a server is refused instead.
 */
export async function expungeUids(client: ImapFlow, path: string, uids: number[]): Promise<void> {
  if (uids.length === 0) return;
  await imapCall(async () => {
    const lock = await client.getMailboxLock(path, { readOnly: false });
    try {
      if (!client.capabilities.has('UIDPLUS')) {
        throw new MailError({
          code: 'PROTOCOL',
          protocol: 'imap',
          userMessage: 'The IMAP server cannot delete single messages for good (no UIDPLUS).',
        });
      }
      if (!(await client.messageDelete(uids.join(','), { uid: true }))) {
        throw refused('UID EXPUNGE', path);
      }
    } finally {
      lock.release();
    }
  });
}

export async function serverFolderPaths(client: ImapFlow): Promise<Set<string>> {
  return new Set((await listFolders(client)).map((folder) => folder.path));
}

export async function createServerFolder(client: ImapFlow, path: string): Promise<void> {
  // imapflow answers ALREADYEXISTS (RFC 5530) as success with created: false
  const created = await imapCall(() => client.mailboxCreate(path));
  if (!created) throw refused('CREATE', path);
}

export async function renameServerFolder(
  client: ImapFlow,
  fromPath: string,
  toPath: string,
): Promise<void> {
  const renamed = await imapCall(() => client.mailboxRename(fromPath, toPath));
  if (!renamed) throw refused('RENAME', fromPath);
}

export async function deleteServerFolder(client: ImapFlow, path: string): Promise<void> {
  const deleted = await imapCall(() => client.mailboxDelete(path));
  if (!deleted) throw refused('DELETE', path);
}
