/**
 * What to do with one folder, decided from the mirror's stored state, a cheap STATUS and
 * the server's capabilities. Pure: the I/O layer (sync-folder.ts) only carries it out.
 */

export type FolderSyncType =
  | 'first_sync'
  | 'continue'
  | 'skip'
  | 'changedsince'
  | 'fetch_new'
  | 'full_diff'
  | 'rebuild';

export interface FolderSyncDecision {
  type: FolderSyncType;
  reason: string;
}

/** The mirror's view of a folder (columns of `mailbox` plus the mirrored message count). */
export interface StoredFolderState {
  uidValidity: number | null;
  uidNext: number | null;
  highestModSeq: bigint | null;
  highestSyncedUid: number | null;
  firstSyncDone: boolean;
  /** messages of this folder in the mirror */
  mirroredCount: number;
  lastFullSyncAt: Date | null;
}

/** STATUS (or SELECT) answers; `highestUid` is asked for only where UIDNEXT is missing. */
export interface ObservedFolderStatus {
  uidValidity: number;
  uidNext: number | null;
  highestModSeq: bigint | null;
  messages: number;
  /** UID of the newest message (`UID FETCH *`), null when unknown or the folder is empty */
  highestUid?: number | null;
}

export interface DecideOptions {
  now?: Date;
  /**
   * Without CONDSTORE a flag change is invisible to STATUS, so a full UID/flags diff runs
   * at least this often (the "periodic full flag resync with bounded cost").
   */
  fullResyncIntervalMs?: number;
  /**
   * The periodic resync's budget, set per folder by the caller so one pass does not diff
   * every folder of an account at once: 'when_due' (default) runs it when the interval
   * has passed, 'deferred' leaves it to a later pass, 'now' runs it at once (IDLE reported
   * a flag change, RFC 3501 §7.4.2, which STATUS cannot show).
   */
  flagResync?: 'when_due' | 'deferred' | 'now';
}

export const DEFAULT_FULL_RESYNC_INTERVAL_MS = 15 * 60_000;

const decision = (type: FolderSyncType, reason: string): FolderSyncDecision => ({ type, reason });

export function hasCondstore(capabilities: readonly string[]): boolean {
  return capabilities.some((c) => {
    const upper = c.toUpperCase();
    return upper === 'CONDSTORE' || upper === 'QRESYNC';
  });
}

export function decideFolderSync(
  stored: StoredFolderState,
  status: ObservedFolderStatus,
  capabilities: readonly string[],
  options: DecideOptions = {},
): FolderSyncDecision {
  if (stored.uidValidity === null) {
    return decision('first_sync', 'the folder has never been mirrored');
  }
  if (stored.uidValidity !== status.uidValidity) {
    // RFC 3501 §2.3.1.1: a new UIDVALIDITY invalidates every cached UID
    return decision(
      'rebuild',
      `UIDVALIDITY changed from ${stored.uidValidity} to ${status.uidValidity}`,
    );
  }
  if (!stored.firstSyncDone) {
    return decision('continue', 'the newest-first first sync has older windows left');
  }

  const serverModSeq = status.highestModSeq;
  const storedModSeq = stored.highestModSeq;
  const condstore = hasCondstore(capabilities) && serverModSeq !== null && storedModSeq !== null;
  if (condstore) {
    // RFC 7162 §3.1.1: any change of flags or any new message raises HIGHESTMODSEQ
    if (serverModSeq > storedModSeq) {
      return decision('changedsince', 'CONDSTORE is enabled and HIGHESTMODSEQ advanced');
    }
    if (status.messages !== stored.mirroredCount) {
      return decision('full_diff', 'HIGHESTMODSEQ is unchanged but the message counts disagree');
    }
    return decision('skip', 'HIGHESTMODSEQ and the message count are unchanged');
  }

  const arrival = newArrivals(stored, status);
  if (arrival === 'unknown') {
    // no UIDNEXT and no highest UID: only the count can tell, so trust nothing else
    return decision('full_diff', 'the server reports neither UIDNEXT nor the highest UID');
  }
  if (arrival === 'new' && status.messages > stored.mirroredCount) {
    return decision('fetch_new', 'only new mail: fetching from the highest known UID + 1');
  }
  if (arrival === 'new' || status.messages !== stored.mirroredCount) {
    // RFC 3501 §7.4.1: expunges are not announced to a client that was not selected,
    // so a count below what UIDNEXT explains means messages disappeared
    return decision('full_diff', 'the message counts disagree: messages were expunged');
  }
  const flagResync = options.flagResync ?? 'when_due';
  if (flagResync === 'now') {
    return decision('full_diff', 'the server reported changed flags: resyncing them');
  }
  const now = options.now ?? new Date();
  const interval = options.fullResyncIntervalMs ?? DEFAULT_FULL_RESYNC_INTERVAL_MS;
  if (!stored.lastFullSyncAt || now.getTime() - stored.lastFullSyncAt.getTime() >= interval) {
    if (flagResync === 'deferred') {
      return decision('skip', "the flag resync is due but this pass's budget is spent");
    }
    return decision('full_diff', 'no CONDSTORE: the periodic flag resync is due');
  }
  return decision('skip', 'UIDNEXT and the message count are unchanged');
}

/**
 * Did messages arrive since the last sync? With UIDNEXT (RFC 3501 §2.3.1.1) every new
 * message raises it, even one expunged again since. Without it (NetEase) the highest UID
 * answers the same question: a new message always gets a UID above every earlier one, so
 * an unchanged highest UID plus an unchanged count proves the UID set itself is unchanged.
 */
function newArrivals(
  stored: StoredFolderState,
  status: ObservedFolderStatus,
): 'new' | 'none' | 'unknown' {
  if (status.uidNext !== null && stored.uidNext !== null) {
    return status.uidNext > stored.uidNext ? 'new' : 'none';
  }
  if (status.highestUid !== undefined) {
    if (status.highestUid === null) return status.messages === 0 ? 'none' : 'unknown';
    return status.highestUid > (stored.highestSyncedUid ?? 0) ? 'new' : 'none';
  }
  return 'unknown';
}
