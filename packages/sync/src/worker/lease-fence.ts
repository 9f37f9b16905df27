import type { Database } from '@youjian/db';
import { sql } from '@youjian/db';
import { type DbOrTx, rowsOf } from '../db-types';

/** The worker no longer owns the account: it must write nothing more for it. */
export class LeaseLostError extends Error {
  constructor(accountId: string, workerId: string) {
    super(`worker ${workerId} no longer holds the lease of account ${accountId}`);
    this.name = 'LeaseLostError';
  }
}

export interface LeaseFence {
  accountId: string;
  workerId: string;
}

/**
 * Asserts, inside the caller's transaction, that this worker still holds a live lease on
 * the account, and keeps the lease row `FOR KEY SHARE`-locked until commit. The lock
 * does not block renewals or status updates (they take FOR NO KEY UPDATE), but a
 * takeover's `FOR UPDATE SKIP LOCKED` skips the row while the write is in flight, and a
 * write that starts after a takeover waits for it and then sees the new owner. So a
 * worker that was paused (GC, SIGSTOP, a stalled VM) past its lease cannot commit a
 * mirror write once another worker owns the account.
 */
export async function assertLeaseHeld(tx: DbOrTx, fence: LeaseFence): Promise<void> {
  const rows = rowsOf<{ id: string }>(
    await tx.execute(sql`select id from mail_account
      where id = ${fence.accountId} and lease_owner = ${fence.workerId}
        and lease_expires_at > now()
      for key share`),
  );
  if (rows.length === 0) throw new LeaseLostError(fence.accountId, fence.workerId);
}

/**
 * The runner's view of the database: the same client, except that every transaction
 * first asserts the lease (above). All mirror writes of the sync engine, the write-back
 * queue and the outgoing queue run in transactions, so this fences them all without each
 * of them knowing about leases.
 */
export function fencedDatabase(db: Database, fence: LeaseFence): Database {
  const fenced = Object.create(db) as Database;
  const transaction: Database['transaction'] = (work, config) =>
    db.transaction(async (tx) => {
      await assertLeaseHeld(tx, fence);
      return work(tx);
    }, config);
  Object.defineProperty(fenced, 'transaction', { value: transaction });
  return fenced;
}
