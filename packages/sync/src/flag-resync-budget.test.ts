import { describe, expect, it } from 'vitest';
import { FLAG_RESYNCS_PER_PASS, flagResyncBudget } from './flag-resync-budget';

const minutesAgo = (m: number) => new Date(Date.parse('2025-01-01T12:00:00Z') - m * 60_000);

const folders = Array.from({ length: 20 }, (_, i) => ({
  id: `folder-${i}`,
  firstSyncDone: true,
  lastFullSyncAt: minutesAgo(20 + i),
}));

describe('flagResyncBudget', () => {
  it('lets only a few folders of a 20-folder account resync flags in one pass', () => {
    expect(flagResyncBudget(folders).size).toBe(FLAG_RESYNCS_PER_PASS);
  });

  it('gives the budget to the folders whose last resync is oldest', () => {
    expect([...flagResyncBudget(folders)].sort()).toEqual(['folder-17', 'folder-18', 'folder-19']);
  });

  it('puts a folder that never had a resync first', () => {
    const never = { id: 'new', firstSyncDone: true, lastFullSyncAt: null };
    expect(flagResyncBudget([...folders, never], 1)).toEqual(new Set(['new']));
  });

  it('spends nothing on folders still in their first sync', () => {
    const syncing = folders.map((f) => ({ ...f, firstSyncDone: false }));
    expect(flagResyncBudget(syncing).size).toBe(0);
  });

  it('reaches every folder within a bounded number of passes', () => {
    let state = folders.map((f) => ({ ...f }));
    const resynced = new Set<string>();
    for (let pass = 0; pass < Math.ceil(20 / FLAG_RESYNCS_PER_PASS); pass++) {
      const allowed = flagResyncBudget(state);
      for (const id of allowed) resynced.add(id);
      state = state.map((f) =>
        allowed.has(f.id) ? { ...f, lastFullSyncAt: minutesAgo(-pass) } : f,
      );
    }
    expect(resynced.size).toBe(20);
  });
});
