import { type Database, sql } from '@youjian/db';
import { rowsOf } from '../db-types';

export const LEASE_TTL_MS = 30_000;
export const LEASE_RENEW_MS = 10_000;

/**
 * Claims or renews account leases in one statement: accounts this worker owns, nobody
 * owns, or whose owner let the lease expire (a dead worker). `FOR UPDATE SKIP LOCKED`
 * keeps two workers from claiming the same row at once; the returned ids are exactly the
 * accounts this worker owns until now + ttl, so an owned account missing from the answer
 * was taken over and its runner must stop.
 */
export async function claimLeases(
  db: Database,
  workerId: string,
  options: { ttlMs?: number; maxAccounts?: number } = {},
): Promise<string[]> {
  const ttlMs = options.ttlMs ?? LEASE_TTL_MS;
  const limit = options.maxAccounts ?? 10_000;
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`update mail_account
      set lease_owner = ${workerId}, lease_expires_at = now() + ${ttlMs} * interval '1 millisecond'
      where id in (
        select id from mail_account
        where lease_owner = ${workerId} or lease_owner is null
          or lease_expires_at is null or lease_expires_at < now()
        order by (lease_owner = ${workerId}) desc nulls last, created_at
        limit ${limit}
        for update skip locked)
      returning id`),
  );
  return rows.map((row) => row.id);
}

/** Gives leases back on a clean stop, so another worker takes over at once, not in 30 s. */
export async function releaseLeases(db: Database, workerId: string, accountIds?: string[]) {
  if (accountIds && accountIds.length === 0) return;
  await db.execute(sql`update mail_account set lease_owner = null, lease_expires_at = null
    where lease_owner = ${workerId}
      ${accountIds ? sql`and id = any(${sql.param(accountIds)}::uuid[])` : sql``}`);
}
