/**
 * Compares the mirror's UIDs and flags of one UID window with the server's answer to
 * `UID FETCH lo:hi (FLAGS)`. Without CONDSTORE this is the only way to see expunges and
 * flag changes made by other clients (RFC 3501 §7.4.1: a client that was not selected is
 * told nothing).
 */

export interface UidFlags {
  uid: number;
  flags: string[];
  /** RFC822.SIZE in octets; null or 0 where unknown (the identity check is then skipped) */
  size?: number | null;
}

export interface FolderWindowDiff {
  /** in the mirror, gone from the server */
  expunged: number[];
  /** on the server with other flags than in the mirror */
  flagChanges: UidFlags[];
  /**
   * on the server and absent from the mirror, or present under a UID whose message changed
   * identity (another size than the mirror's row): fetched anew after the old row is expunged
   */
  missing: number[];
}

/** Flags as stored: sorted, without \Recent (session-only, RFC 3501 §2.3.2). */
export function normalizeFlags(flags: Iterable<string>): string[] {
  return [...new Set(flags)].filter((f) => f.toLowerCase() !== '\\recent').sort();
}

export function diffFolderWindow(
  mirror: readonly UidFlags[],
  server: readonly UidFlags[],
  /** UIDs with queued local changes (flags, moves): the mirror is ahead of the server */
  pendingUids: ReadonlySet<number> = new Set(),
): FolderWindowDiff {
  const serverByUid = new Map(server.map((m) => [m.uid, normalizeFlags(m.flags)]));
  const serverSize = new Map(server.map((m) => [m.uid, m.size]));
  const replaced = new Set<number>();
  const mirrorUids = new Set<number>();
  const diff: FolderWindowDiff = { expunged: [], flagChanges: [], missing: [] };
  for (const row of mirror) {
    mirrorUids.add(row.uid);
    const flags = serverByUid.get(row.uid);
    if (!flags) diff.expunged.push(row.uid);
    else if (!pendingUids.has(row.uid) && changedIdentity(row, serverSize.get(row.uid))) {
      // RFC 3501 §2.3.1.1 forbids reusing a UID for another message within one UIDVALIDITY;
      // a server that does so anyway must not leave the old row showing the new message
      diff.expunged.push(row.uid);
      replaced.add(row.uid);
    } else if (!pendingUids.has(row.uid) && !sameFlags(normalizeFlags(row.flags), flags)) {
      diff.flagChanges.push({ uid: row.uid, flags });
    }
  }
  // a queued move's source UIDs left the mirror already: not missing, just not moved yet
  for (const uid of serverByUid.keys()) {
    if ((!mirrorUids.has(uid) && !pendingUids.has(uid)) || replaced.has(uid)) {
      diff.missing.push(uid);
    }
  }
  diff.missing.sort((a, b) => a - b);
  return diff;
}

/** Both sizes known and different: the UID names another message than the mirror's row. */
const changedIdentity = (row: UidFlags, serverSize: number | null | undefined) =>
  !!row.size && !!serverSize && row.size !== serverSize;

const sameFlags = (a: string[], b: string[]) =>
  a.length === b.length && a.every((flag, i) => flag === b[i]);

/**
 * Splits sorted UIDs into contiguous `lo:hi` ranges of at most `size` UIDs each, newest
 * first; consecutive ranges touch, so together they cover 1..max without gaps.
 */
export function uidRanges(sortedUids: readonly number[], size: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let lo = 1;
  for (let i = 0; i < sortedUids.length; i += size) {
    const hi = sortedUids[Math.min(i + size, sortedUids.length) - 1];
    if (hi === undefined) break;
    ranges.push([lo, hi]);
    lo = hi + 1;
  }
  return ranges.reverse();
}

/** Newest-first first-sync window below `top` (inclusive); null when UID 1 was passed. */
export function windowBelow(top: number, size: number): [number, number] | null {
  if (top < 1) return null;
  return [Math.max(1, top - size + 1), top];
}
