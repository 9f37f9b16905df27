/**
 * How deep a folder sits below the others of its mailbox: 0 for a top-level folder, 1 for
 * "其他文件夹/临时" when "其他文件夹" is listed too, and so on. A folder is the child of the
 * longest other path that is its prefix followed by one separator character ('/' or '.',
 * the hierarchy delimiters QQ, NetEase and Dovecot use, RFC 3501 §5.1.1) — so "INBOX.项目"
 * nests under INBOX only where the server lists INBOX as its parent.
 */
export function folderDepth(path: string, allPaths: readonly string[]): number {
  const parent = allPaths
    .filter(
      (candidate) =>
        candidate !== path &&
        candidate.length + 1 < path.length &&
        path.startsWith(candidate) &&
        SEPARATORS.includes(path.charAt(candidate.length)),
    )
    .sort((a, b) => b.length - a.length)[0];
  return parent === undefined ? 0 : folderDepth(parent, allPaths) + 1;
}

const SEPARATORS = ['/', '.'];
