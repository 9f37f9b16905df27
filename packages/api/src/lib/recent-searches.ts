import { type Database, sql } from '@youjian/db';

/** How many searches a person gets offered again. */
export const RECENT_SEARCHES_KEPT = 8;

/**
 * Records a search the user ran (the text as typed, trimmed) as their newest, and forgets
 * all but the newest RECENT_SEARCHES_KEPT. One statement, so two tabs cannot interleave.
 * Committed without waiting for the WAL flush (synchronous_commit off for this one
 * transaction): a recent search lost in a server crash costs nothing, while the flush cost
 * every search 12–20 ms on a busy disk here.
 */
export async function rememberSearch(db: Database, userId: string, query: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    await tx.execute(sql`
    with saved as (
      insert into recent_search (user_id, query, searched_at) values (${userId}, ${query}, now())
      on conflict (user_id, query) do update set searched_at = excluded.searched_at
      returning query
    )
    delete from recent_search where user_id = ${userId} and query not in (select query from saved)
      and query not in (select query from recent_search where user_id = ${userId}
        order by searched_at desc limit ${RECENT_SEARCHES_KEPT - 1})`);
  });
}
