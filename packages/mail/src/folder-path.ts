/**
 * Folder paths under the personal namespace (RFC 2342). Courier-IMAP, Cyrus and many
 * hosts keep every folder of the user below the prefix "INBOX." with "." as separator, so
 * the folder a user calls 临时 is INBOX.临时 on the server; Dovecot's default, QQ and
 * NetEase have the empty prefix and "/". The user sees names without the prefix; the
 * mirror and every command use the server's exact path. Pure.
 */

/** The first personal namespace of RFC 2342 §5: where the user's folders live. */
export interface PersonalNamespace {
  /** e.g. "INBOX." or "" */
  prefix: string;
  /** hierarchy separator, e.g. "." or "/"; null for a flat namespace */
  delimiter: string | null;
}

/** Dovecot's, QQ's and NetEase's namespace; what a server without NAMESPACE implies. */
export const ROOT_NAMESPACE: PersonalNamespace = { prefix: '', delimiter: '/' };

/** RFC 3501 §5.1: INBOX is case-insensitive and names the same folder in any namespace. */
const isInbox = (path: string) => path.toUpperCase() === 'INBOX';

/**
 * The prefix as folder paths begin with it: RFC 2342 prefixes normally end in the
 * separator ("INBOX."), but a server may give the bare "INBOX"; paths then still read
 * "INBOX.临时".
 */
function pathPrefix({ prefix, delimiter }: PersonalNamespace): string {
  if (prefix === '' || !delimiter || prefix.endsWith(delimiter)) return prefix;
  return `${prefix}${delimiter}`;
}

/**
 * The server path of a folder named `name` (one level, as the user typed it; it must not
 * contain the delimiter — checked by the caller) inside `parentPath`, or at the top of
 * the personal namespace when `parentPath` is null. A parent path is a server path
 * already (e.g. QQ's non-selectable "其他文件夹", or "INBOX.项目"), so the prefix is not
 * added twice.
 */
export function serverFolderPath(input: {
  name: string;
  parentPath: string | null;
  namespace: PersonalNamespace;
}): string {
  const { name, parentPath, namespace } = input;
  if (parentPath === null) return `${pathPrefix(namespace)}${name}`;
  return `${parentPath}${namespace.delimiter ?? ''}${name}`;
}

/**
 * The server path without the namespace prefix, as the user sees a folder's place:
 * "INBOX.项目.2024" → "项目.2024". INBOX and paths outside the prefix are returned as is.
 */
export function pathInNamespace(path: string, namespace: PersonalNamespace): string {
  const prefix = pathPrefix(namespace);
  if (isInbox(path) || prefix === '' || !path.startsWith(prefix)) return path;
  return path.slice(prefix.length);
}

/**
 * The name a folder is shown by: the last level of its path below the prefix
 * ("INBOX.临时" → "临时", "其他文件夹/临时" → "临时", "INBOX" → "INBOX").
 */
export function folderDisplayName(path: string, namespace: PersonalNamespace): string {
  const inNamespace = pathInNamespace(path, namespace);
  const { delimiter } = namespace;
  if (!delimiter || !inNamespace.includes(delimiter)) return inNamespace;
  return inNamespace.slice(inNamespace.lastIndexOf(delimiter) + delimiter.length);
}

/**
 * The server path of the folder that holds `path`, or null for a folder at the top of the
 * personal namespace ("INBOX.临时" → null, "INBOX.临时.子" → "INBOX.临时",
 * "其他文件夹/临时" → "其他文件夹"). The prefix itself is never a parent.
 */
export function parentFolderPath(path: string, namespace: PersonalNamespace): string | null {
  const inNamespace = pathInNamespace(path, namespace);
  const { delimiter } = namespace;
  if (!delimiter || !inNamespace.includes(delimiter)) return null;
  return path.slice(0, path.length - inNamespace.length + inNamespace.lastIndexOf(delimiter));
}
