/**
 * Folder writes (RFC 3501 §6.3.3–6.3.5): CREATE, RENAME, DELETE. imapflow answers
 * ALREADYEXISTS (RFC 5530) to CREATE as success with created: false, so a CREATE repeated
 * after a crash is harmless.
 */
import type { ImapFlow } from 'imapflow';
import { imapEndpointOf, MailError, toMailError } from './errors';
import { listFolders } from './folders';

function refused(command: string, path: string): MailError {
  return new MailError({
    code: 'PROTOCOL',
    protocol: 'imap',
    userMessage: `The IMAP server refused ${command} for folder "${path}".`,
  });
}

async function imapCall<T>(client: ImapFlow, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toMailError(error, 'imap', imapEndpointOf(client));
  }
}

export async function serverFolderPaths(client: ImapFlow): Promise<Set<string>> {
  return new Set((await listFolders(client)).map((folder) => folder.path));
}

/**
 * CREATE (RFC 3501 §6.3.3). Returns the path the server now has: imapflow puts a path
 * outside the personal namespace below its prefix (RFC 2342), so a caller that passed a
 * bare name learns the real path here. Throws MailError when the server refuses.
 */
export async function createServerFolder(
  client: ImapFlow,
  path: string,
): Promise<{ path: string }> {
  const created = await imapCall(client, () => client.mailboxCreate(path));
  if (!created) throw refused('CREATE', path);
  return { path: created.path };
}

export async function renameServerFolder(
  client: ImapFlow,
  fromPath: string,
  toPath: string,
): Promise<void> {
  const renamed = await imapCall(client, () => client.mailboxRename(fromPath, toPath));
  if (!renamed) throw refused('RENAME', fromPath);
}

export async function deleteServerFolder(client: ImapFlow, path: string): Promise<void> {
  const deleted = await imapCall(client, () => client.mailboxDelete(path));
  if (!deleted) throw refused('DELETE', path);
}
