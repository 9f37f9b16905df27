import { describe, expect, it } from 'vitest';
import {
  decideFolderSync,
  type FolderSyncType,
  type ObservedFolderStatus,
  type StoredFolderState,
} from './strategy';

const now = new Date('2025-01-01T12:00:00Z');
const recently = new Date('2025-01-01T11:59:00Z');
const longAgo = new Date('2025-01-01T09:00:00Z');

const synced: StoredFolderState = {
  uidValidity: 7,
  uidNext: 101,
  highestModSeq: null,
  highestSyncedUid: 100,
  firstSyncDone: true,
  mirroredCount: 100,
  lastFullSyncAt: recently,
};
const unchanged: ObservedFolderStatus = {
  uidValidity: 7,
  uidNext: 101,
  highestModSeq: null,
  messages: 100,
};
const plain = ['IMAP4rev1', 'IDLE', 'MOVE'];
const condstore = ['IMAP4rev1', 'CONDSTORE'];

const cases: Array<{
  name: string;
  stored?: Partial<StoredFolderState>;
  status?: Partial<ObservedFolderStatus>;
  capabilities?: string[];
  flagResync?: 'when_due' | 'deferred' | 'now';
  expected: FolderSyncType;
}> = [
  {
    name: 'mirrors a folder that was never synced from scratch',
    stored: { uidValidity: null, uidNext: null, highestSyncedUid: null, mirroredCount: 0 },
    expected: 'first_sync',
  },
  {
    name: 'rebuilds the folder when UIDVALIDITY changed (RFC 3501 §2.3.1.1)',
    status: { uidValidity: 8 },
    expected: 'rebuild',
  },
  {
    name: 'rebuilds on a UIDVALIDITY change even while the first sync is unfinished',
    stored: { firstSyncDone: false },
    status: { uidValidity: 8 },
    expected: 'rebuild',
  },
  {
    name: 'continues the newest-first first sync when older windows are left',
    stored: { firstSyncDone: false, mirroredCount: 40 },
    expected: 'continue',
  },
  {
    name: 'skips when UIDNEXT and the message count are unchanged',
    expected: 'skip',
  },
  {
    name: 'fetches from the highest known UID + 1 when only new mail arrived',
    status: { uidNext: 104, messages: 103 },
    expected: 'fetch_new',
  },
  {
    name: 'fetches new mail even when some UIDs were skipped by the server',
    status: { uidNext: 110, messages: 102 },
    expected: 'fetch_new',
  },
  {
    name: 'diffs the folder when the count dropped (implied expunge)',
    status: { messages: 98 },
    expected: 'full_diff',
  },
  {
    name: 'diffs the folder when new mail arrived and as much was expunged (equal counts)',
    status: { uidNext: 102, messages: 100 },
    expected: 'full_diff',
  },
  {
    name: 'diffs the folder when mail arrived but the count fell below the mirror',
    status: { uidNext: 103, messages: 99 },
    expected: 'full_diff',
  },
  {
    name: 'runs the periodic flag resync when CONDSTORE is missing and it is due',
    stored: { lastFullSyncAt: longAgo },
    expected: 'full_diff',
  },
  {
    name: "defers a due flag resync when this pass's budget is spent",
    stored: { lastFullSyncAt: longAgo },
    flagResync: 'deferred',
    expected: 'skip',
  },
  {
    name: 'resyncs flags at once when IDLE reported a flag change, however recent the last diff',
    flagResync: 'now',
    expected: 'full_diff',
  },
  {
    name: 'still fetches new mail when the flag resync is deferred',
    status: { uidNext: 102, messages: 101 },
    flagResync: 'deferred',
    expected: 'fetch_new',
  },
  {
    name: 'runs the flag resync on a folder that never had a full diff',
    stored: { lastFullSyncAt: null },
    expected: 'full_diff',
  },
  {
    name: 'uses CHANGEDSINCE when CONDSTORE is enabled and HIGHESTMODSEQ advanced (RFC 7162)',
    stored: { highestModSeq: 500n, lastFullSyncAt: longAgo },
    status: { highestModSeq: 530n, uidNext: 102, messages: 101 },
    capabilities: condstore,
    expected: 'changedsince',
  },
  {
    name: 'skips with CONDSTORE when HIGHESTMODSEQ is unchanged, however old the last diff',
    stored: { highestModSeq: 500n, lastFullSyncAt: longAgo },
    status: { highestModSeq: 500n },
    capabilities: condstore,
    expected: 'skip',
  },
  {
    name: 'diffs with CONDSTORE when HIGHESTMODSEQ is unchanged but the counts disagree',
    stored: { highestModSeq: 500n },
    status: { highestModSeq: 500n, messages: 97 },
    capabilities: condstore,
    expected: 'full_diff',
  },
  {
    name: 'ignores HIGHESTMODSEQ when the server does not advertise CONDSTORE',
    stored: { highestModSeq: 500n },
    status: { highestModSeq: 530n },
    capabilities: plain,
    expected: 'skip',
  },
  {
    name: 'without UIDNEXT (NetEase) skips when the count and the highest UID are unchanged',
    stored: { uidNext: null },
    status: { uidNext: null, highestUid: 100 },
    expected: 'skip',
  },
  {
    name: 'without UIDNEXT fetches new mail when the highest UID rose and the count grew',
    stored: { uidNext: null },
    status: { uidNext: null, highestUid: 103, messages: 103 },
    expected: 'fetch_new',
  },
  {
    name: 'without UIDNEXT diffs when the highest UID rose but the count did not grow',
    stored: { uidNext: null },
    status: { uidNext: null, highestUid: 101, messages: 100 },
    expected: 'full_diff',
  },
  {
    name: 'without UIDNEXT diffs when the count fell and the highest UID is unchanged',
    stored: { uidNext: null },
    status: { uidNext: null, highestUid: 100, messages: 99 },
    expected: 'full_diff',
  },
  {
    name: 'without UIDNEXT skips an empty folder that stays empty',
    stored: { uidNext: null, highestSyncedUid: null, mirroredCount: 0 },
    status: { uidNext: null, highestUid: null, messages: 0 },
    expected: 'skip',
  },
  {
    name: 'without UIDNEXT fetches the first messages of a folder that was empty',
    stored: { uidNext: null, highestSyncedUid: null, mirroredCount: 0 },
    status: { uidNext: null, highestUid: 3, messages: 3 },
    expected: 'fetch_new',
  },
  {
    name: 'diffs when neither UIDNEXT nor the highest UID is known',
    stored: { uidNext: null },
    status: { uidNext: null },
    expected: 'full_diff',
  },
];

describe('decideFolderSync', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = decideFolderSync(
        { ...synced, ...c.stored },
        { ...unchanged, ...c.status },
        c.capabilities ?? plain,
        { now, fullResyncIntervalMs: 15 * 60_000, flagResync: c.flagResync },
      );
      expect(result.type).toBe(c.expected);
      expect(result.reason.length).toBeGreaterThan(0);
    });
  }
});
