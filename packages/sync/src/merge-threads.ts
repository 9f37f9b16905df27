/**
 * Making two mirrored conversations one. A reply mirrored before its parent starts a
 * thread of its own (the parent is unknown); when the parent arrives and its References
 * name another conversation, the parent shows both threads to be one (threading.ts
 * assignThreads records the merge). The absorbed thread's messages and Message-ID links
 * move to the kept thread, which takes its newest date and its participants, and the
 * absorbed thread row is deleted — the conversation list then shows one conversation.
 */
import { sql } from '@youjian/db';
import { MAX_THREAD_PARTICIPANTS } from './threading';

/**
 * One statement merging each absorbed thread into its kept thread (`merged`: absorbed →
 * kept) for one account; several absorbed threads may go into one kept thread.
 */
export function mergeThreadsStatement(accountId: string, merged: ReadonlyMap<string, string>) {
  const absorbed = [...merged.keys()];
  const kept = [...merged.values()];
  // data-modifying WITH clauses all run on one snapshot (PostgreSQL manual, 7.8.4): each
  // touches other rows (messages, links, the kept rows, the absorbed rows)
  return sql`
    with m as (
      select * from unnest(${sql.param(absorbed)}::uuid[], ${sql.param(kept)}::uuid[])
        as m(absorbed, kept)
    ), moved as (
      update message set thread_id = m.kept from m
      where message.account_id = ${accountId} and message.thread_id = m.absorbed
    ), relinked as (
      update thread_link set thread_id = m.kept from m
      where thread_link.account_id = ${accountId} and thread_link.thread_id = m.absorbed
    ), gathered as (
      select m.kept, max(a.last_date) as last_date,
        coalesce(array_agg(p) filter (where p is not null), '{}') as participants
      from m
      join thread a on a.account_id = ${accountId} and a.id = m.absorbed
      left join lateral unnest(a.participants) as p on true
      group by m.kept
    ), widened as (
      update thread set last_date = greatest(thread.last_date, g.last_date),
        participants = array(select distinct p
          from unnest(coalesce(thread.participants, '{}') || g.participants) as p
          limit ${MAX_THREAD_PARTICIPANTS})
      from gathered g
      where thread.account_id = ${accountId} and thread.id = g.kept
    )
    delete from thread where account_id = ${accountId} and id in (select absorbed from m)`;
}
