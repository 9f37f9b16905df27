import { eq, mailAccount } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTestAccount } from '../test-stack.integration-helpers';
import { fencedDatabase, LeaseLostError } from './lease-fence';
import { claimLeases, releaseLeases } from './leases';

let testDb: TestDatabase;
let accountIds: string[];

beforeAll(async () => {
  testDb = await createTestDatabase();
  accountIds = [];
  for (const preset of ['qq', '163'] as const) {
    accountIds.push((await linkTestAccount(testDb.db, preset)).accountId);
  }
});
afterAll(async () => {
  await testDb?.drop();
});

describe('account leases', () => {
  it('give each account to exactly one of two workers claiming at once', async () => {
    const [a, b] = await Promise.all([
      claimLeases(testDb.db, 'worker-a', { ttlMs: 30_000 }),
      claimLeases(testDb.db, 'worker-b', { ttlMs: 30_000 }),
    ]);
    expect([...a, ...b].sort()).toEqual([...accountIds].sort());
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    await releaseLeases(testDb.db, 'worker-a');
    await releaseLeases(testDb.db, 'worker-b');
  });

  it('are renewed by their owner and refused to others while valid', async () => {
    expect((await claimLeases(testDb.db, 'worker-a', { ttlMs: 30_000 })).sort()).toEqual(
      [...accountIds].sort(),
    );
    expect(await claimLeases(testDb.db, 'worker-b', { ttlMs: 30_000 })).toEqual([]);
    expect((await claimLeases(testDb.db, 'worker-a', { ttlMs: 30_000 })).sort()).toEqual(
      [...accountIds].sort(),
    );
  });

  it('move to another worker once the owner stops renewing, and the old owner loses them', async () => {
    await claimLeases(testDb.db, 'worker-a', { ttlMs: 300 });
    expect(await claimLeases(testDb.db, 'worker-b', { ttlMs: 30_000 })).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await claimLeases(testDb.db, 'worker-b', { ttlMs: 30_000 })).sort()).toEqual(
      [...accountIds].sort(),
    );
    // worker-a's next renewal returns nothing: its runners must stop
    expect(await claimLeases(testDb.db, 'worker-a', { ttlMs: 30_000 })).toEqual([]);
  });

  it('are handed back on a clean stop', async () => {
    await releaseLeases(testDb.db, 'worker-b');
    const rows = await testDb.db
      .select()
      .from(mailAccount)
      .where(eq(mailAccount.leaseOwner, 'worker-b'));
    expect(rows).toEqual([]);
    expect((await claimLeases(testDb.db, 'worker-c', { maxAccounts: 1 })).length).toBe(1);
  });

  it('fence every write transaction: a worker that lost its lease cannot commit', async () => {
    for (const worker of ['worker-a', 'worker-b', 'worker-c'])
      await releaseLeases(testDb.db, worker);
    const [accountId] = await claimLeases(testDb.db, 'worker-a', { ttlMs: 400, maxAccounts: 1 });
    if (!accountId) throw new Error('no lease');
    const asA = fencedDatabase(testDb.db, { accountId, workerId: 'worker-a' });
    const rename = (db: typeof asA, name: string) =>
      db.transaction(async (tx) => {
        await tx
          .update(mailAccount)
          .set({ displayName: name })
          .where(eq(mailAccount.id, accountId));
      });
    await rename(asA, 'written by the owner');

    // while worker-a's write is open, the expired lease is not taken from under it
    let release: () => void = () => undefined;
    const inFlight = asA.transaction(async (tx) => {
      await tx
        .update(mailAccount)
        .set({ displayName: 'in flight' })
        .where(eq(mailAccount.id, accountId));
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await claimLeases(testDb.db, 'worker-b', { ttlMs: 30_000 })).not.toContain(accountId);
    release();
    await inFlight;
    expect(await claimLeases(testDb.db, 'worker-b', { ttlMs: 30_000 })).toContain(accountId);

    // worker-a, resumed after the takeover, is refused
    await expect(rename(asA, 'stale write')).rejects.toBeInstanceOf(LeaseLostError);
    await rename(fencedDatabase(testDb.db, { accountId, workerId: 'worker-b' }), 'new owner');
    const [row] = await testDb.db.select().from(mailAccount).where(eq(mailAccount.id, accountId));
    expect(row?.displayName).toBe('new owner');
  });
});
