/**
 * Lists every folder with its role. imapflow issues XLIST instead of LIST when the server
 * has XLIST but not SPECIAL-USE (QQ Mail), so XLIST's role flags arrive in `flags` too —
 * except \Inbox, which it strips and reports as specialUse.
 */
import type { ImapFlow, ListResponse } from 'imapflow';
import { imapEndpointOf, toMailError } from './errors';
import { folderDisplayName, type PersonalNamespace, ROOT_NAMESPACE } from './folder-path';
import { detectFolderRole } from './folder-role';
import type { FolderRole, RemoteFolder } from './types';

function serverFlags(entry: ListResponse): string[] {
  const flags = [...entry.flags];
  if (entry.specialUseSource === 'extension' && entry.specialUse) flags.push(entry.specialUse);
  return flags;
}

/** RFC 5258: \NonExistent implies \Noselect; neither holds messages. */
function isSelectable(entry: ListResponse): boolean {
  return !entry.flags.has('\\Noselect') && !entry.flags.has('\\NonExistent');
}

/**
 * The session's first personal namespace (RFC 2342), which imapflow reads with NAMESPACE
 * right after login (or derives from LIST "" "" where the server lacks NAMESPACE). A
 * session that has not logged in yet reads as the root namespace.
 */
export function personalNamespaceOf(client: ImapFlow): PersonalNamespace {
  const namespace = client.namespace;
  if (!namespace) return ROOT_NAMESPACE;
  return { prefix: namespace.prefix ?? '', delimiter: namespace.delimiter || null };
}

/**
 * Every folder of the session's LIST, with its role, whether it can hold messages, and
 * the name the user sees (its last level, without the personal namespace prefix).
 * Throws MailError when the server refuses LIST or the connection fails.
 */
export async function listFolders(client: ImapFlow): Promise<RemoteFolder[]> {
  const namespace = personalNamespaceOf(client);
  let entries: ListResponse[];
  try {
    entries = await client.list();
  } catch (error) {
    throw toMailError(error, 'imap', imapEndpointOf(client));
  }
  const folders = entries.map((entry) => {
    const flags = serverFlags(entry);
    const delimiter = entry.delimiter || null;
    return {
      folder: {
        path: entry.path,
        delimiter,
        name: folderDisplayName(entry.path, { prefix: namespace.prefix, delimiter }),
        role: detectFolderRole({ path: entry.path, name: entry.name, flags }),
        selectable: isSelectable(entry),
      } satisfies RemoteFolder,
      fromServerFlag: detectFolderRole({ path: entry.path, name: '', flags }) !== null,
    };
  });
  return assignUniqueRoles(folders);
}

/**
 * One folder per role: a role the server flagged wins over one guessed from a name, and
 * among equals the first listed keeps it. Unselectable folders get no role.
 */
export function assignUniqueRoles(
  folders: { folder: RemoteFolder; fromServerFlag: boolean }[],
): RemoteFolder[] {
  const owner = new Map<FolderRole, RemoteFolder>();
  const ranked = [...folders].sort((a, b) => Number(b.fromServerFlag) - Number(a.fromServerFlag));
  for (const { folder } of ranked) {
    if (folder.role && folder.selectable && !owner.has(folder.role)) owner.set(folder.role, folder);
  }
  return folders.map(({ folder }) => ({
    ...folder,
    role: folder.role && owner.get(folder.role) === folder ? folder.role : null,
  }));
}
