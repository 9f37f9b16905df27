import { type Database, eq, mailAccount, sql } from '@youjian/db';

export interface SuggestRecipientsOptions {
  db: Database;
  userId: string;
  /** what was typed in an address field, matched as a prefix of address or name */
  query: string;
  limit?: number;
}

export interface Suggestion {
  name: string;
  address: string;
  /** how many messages from (or sent to) this address the mirror holds */
  times: number;
}

/** A message this many days old counts half as much as one of today. */
const HALF_LIFE_DAYS = 30;

/** `%` and `_` typed by the user are literal characters, not LIKE wildcards. */
function likePrefix(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * People seen in the user's mail whose address or name starts with `query`: the contacts
 * of the user's linked mailboxes (the contact table, kept from every mirrored message by a
 * trigger, read through its address and name prefix indexes) and recipients of mail sent
 * through Youjian. Ranked by how often and how recently: each message counts
 * 2^(−age / HALF_LIFE_DAYS), so ten mails of last year rank below three of this week. The
 * user's own addresses are left out; the name shown is the newest non-empty one. Only the
 * user's mailboxes are read.
 */
export async function suggestRecipients(options: SuggestRecipientsOptions): Promise<Suggestion[]> {
  const { db, userId } = options;
  const query = options.query.trim();
  if (!query) return [];
  const prefix = likePrefix(query);
  const accounts = await db
    .select({ id: mailAccount.id, address: mailAccount.address })
    .from(mailAccount)
    .where(eq(mailAccount.userId, userId));
  if (accounts.length === 0) return [];
  const ids = sql.join(
    accounts.map((account) => sql`${account.id}::uuid`),
    sql`, `,
  );
  const own = accounts.map((account) => account.address.toLowerCase());
  const halfLife = HALF_LIFE_DAYS * 86_400;
  const result = await db.execute(sql`
    with seen as (
      select c.address, c.name, c.times,
             c.score * power(0.5, extract(epoch from (now() - c.last_seen)) / ${halfLife}) as score,
             c.last_seen as at
      from contact c
      where c.account_id in (${ids})
        and (c.address like ${prefix} or lower(c.name) like ${prefix})
      union all
      select lower(r->>'address'), coalesce(r->>'name', ''), 1,
             power(0.5, extract(epoch from (now() - coalesce(o.sent_at, o.created_at))) / ${halfLife}),
             coalesce(o.sent_at, o.created_at)
      from outgoing_mail o,
           jsonb_array_elements(o.draft->'to' || o.draft->'cc') r
      where o.account_id in (${ids}) and o.state = 'sent'
        and (lower(r->>'address') like ${prefix} or lower(r->>'name') like ${prefix})
    )
    select address,
           coalesce((array_agg(name order by at desc) filter (where name <> ''))[1], '') as name,
           sum(times)::int as times,
           sum(score) as score
    from seen
    where address <> all(${sql.param(own)}::text[])
    group by address
    order by score desc, address
    limit ${options.limit ?? 8}`);
  const rows = result.rows as unknown as { address: string; name: string; times: number }[];
  return rows.map((row) => ({ name: row.name, address: row.address, times: row.times }));
}
