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

export async function createServerFolder(client: ImapFlow, path: string): Promise<void> {
  const created = await imapCall(client, () => client.mailboxCreate(path));
  if (!created) throw refused('CREATE', path);
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
