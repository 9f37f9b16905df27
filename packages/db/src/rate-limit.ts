import { sql } from 'drizzle-orm';
import type { Database } from './client';

/** A limit: at most `max` hits per fixed window of `windowSeconds` seconds. */
export interface RateLimitRule {
  max: number;
  windowSeconds: number;
}

/** `allowed`, or how many whole seconds (≥ 1) until the key's window ends. */
export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Rows older than the longest window any caller uses (a day) are of no more use. */
const PRUNE_AFTER_SECONDS = 2 * 24 * 60 * 60;

/**
 * Counts one hit against `key` and says whether it is within `rule`, in one atomic
 * statement (INSERT … ON CONFLICT DO UPDATE … WHERE takes the row lock), so concurrent
 * requests from any number of processes can never all pass on a stale read (OWASP ASVS 4
 * §2.2.1, §11.1.4). A refused hit is not counted, so the window always ends on time.
 * Throws what the database throws.
 */
export async function consumeRateLimit(
  db: Database,
  key: string,
  rule: RateLimitRule,
): Promise<RateLimitVerdict> {
  const window = sql`make_interval(secs => ${rule.windowSeconds})`;
  const counted = await db.execute<{ hits: number }>(sql`
    insert into rate_limit_bucket as b (key, window_started_at, hits)
    values (${key}, now(), 1)
    on conflict (key) do update set
      hits = case when b.window_started_at <= now() - ${window} then 1 else b.hits + 1 end,
      window_started_at = case when b.window_started_at <= now() - ${window}
        then now() else b.window_started_at end
      where b.window_started_at <= now() - ${window} or b.hits < ${rule.max}
    returning hits`);
  if (counted.rows.length > 0) {
    // a new row is a new key: the moment to forget long-expired ones (cheap, indexed by pk scan)
    if (counted.rows[0]?.hits === 1 && Math.random() < 0.01) await pruneRateLimitBuckets(db);
    return { allowed: true };
  }
  const left = await db.execute<{ seconds: number }>(sql`
    select ceil(extract(epoch from (window_started_at + ${window} - now())))::int as seconds
    from rate_limit_bucket where key = ${key}`);
  return { allowed: false, retryAfterSeconds: Math.max(1, left.rows[0]?.seconds ?? 1) };
}

/** Deletes buckets whose window ended long ago; returns how many. */
export async function pruneRateLimitBuckets(db: Database): Promise<number> {
  const result = await db.execute(sql`
    delete from rate_limit_bucket
    where window_started_at < now() - make_interval(secs => ${PRUNE_AFTER_SECONDS})`);
  return result.rowCount ?? 0;
}
