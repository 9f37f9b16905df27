/**
 * Without CONDSTORE (QQ, NetEase) the periodic flag resync is a `UID FETCH lo:hi (FLAGS)`
 * of the whole folder, in windows of DIFF_WINDOW UIDs. At most this many folders get it in
 * one pass — those whose last resync is oldest — so an account with 20 folders spreads
 * them over several passes instead of diffing them all at once.
 */
export const FLAG_RESYNCS_PER_PASS = 3;

interface FolderResyncState {
  id: string;
  firstSyncDone: boolean;
  lastFullSyncAt: Date | null;
}

/** The folders of this pass allowed a due flag resync; the others defer it (strategy.ts). */
export function flagResyncBudget(
  folders: readonly FolderResyncState[],
  perPass = FLAG_RESYNCS_PER_PASS,
): Set<string> {
  const byAge = folders
    .filter((folder) => folder.firstSyncDone)
    .sort((a, b) => (a.lastFullSyncAt?.getTime() ?? 0) - (b.lastFullSyncAt?.getTime() ?? 0));
  return new Set(byAge.slice(0, perPass).map((folder) => folder.id));
}
