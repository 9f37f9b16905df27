/**
 * Address autocomplete over a mirror of realistic size: 120,000 messages from 6,000
 * senders in two linked mailboxes, plus another user's mail, written by bulk SQL so the
 * contact trigger sees them as the mirror's batches. Checks the ranking (how often and
 * how recently), that only the user's own mail is read, and that the query is answered
 * from the contact prefix indexes, with its time printed.
 */
import { sql } from '@youjian/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProductUser,
  createTestApi,
  seedMailbox,
  type TestApi,
} from './test-support.integration-helpers';

let api: TestApi;
let userId: string;
let otherId: string;

/** `count` messages from one sender into a mailbox, `daysAgo` old. */
async function mailFrom(
  folder: { accountId: string; inboxId: string },
  sender: { name: string; address: string },
  count: number,
  daysAgo: number,
) {
  await api.database.db.execute(sql`
    insert into message (account_id, mailbox_id, uid, subject, "from", received_at)
    select ${folder.accountId}::uuid, ${folder.inboxId}::uuid,
           (select coalesce(max(uid), 0) from message where mailbox_id = ${folder.inboxId}::uuid) + g,
           'x', ${JSON.stringify(sender)}::jsonb, now() - make_interval(days => ${daysAgo})
    from generate_series(1, ${count}) g`);
}

beforeAll(async () => {
  api = await createTestApi();
  userId = await createProductUser(api, 'suggest@example.test');
  otherId = await createProductUser(api, 'other@example.test');
  const qq = await seedMailbox(api, userId, 'me@qq.test');
  const netease = await seedMailbox(api, userId, 'me@163.test');
  const other = await seedMailbox(api, otherId, 'other@qq.test');
  // the bulk: 6,000 senders × 10 messages in each mailbox, spread over two years
  for (const folder of [qq, netease]) {
    await api.database.db.execute(sql`
      insert into message (account_id, mailbox_id, uid, subject, "from", received_at)
      select ${folder.accountId}::uuid, ${folder.inboxId}::uuid, g, 'bulk',
             jsonb_build_object('name', 'Sender ' || (g % 6000), 'address', 'sender' || (g % 6000) || '@bulk.test'),
             now() - make_interval(hours => g % 17000)
      from generate_series(1, 60000) g`);
  }
  // wang.fang: many mails, last year; wang.lei: a few, this week; wangwu: one, today
  await mailFrom(qq, { name: '王芳', address: 'wang.fang@163.test' }, 40, 400);
  await mailFrom(netease, { name: '王磊', address: 'wang.lei@qq.test' }, 5, 2);
  await mailFrom(qq, { name: '', address: 'wangwu@qq.test' }, 1, 0);
  // the user's own address in its own Sent never suggests itself
  await mailFrom(netease, { name: 'Me', address: 'me@163.test' }, 50, 1);
  // another user's correspondent: never shown to this user
  await mailFrom(other, { name: '王秘密', address: 'wang.secret@qq.test' }, 100, 0);
  await api.database.db.execute(sql`analyze message`);
}, 120_000);

afterAll(async () => {
  await api?.close();
});

describe('compose.suggestRecipients', () => {
  it('ranks by frequency and recency, by address or name, without the user or other users', async () => {
    const caller = api.callerFor(userId);
    const byAddress = await caller.compose.suggestRecipients({ query: 'wang' });
    expect(byAddress.map((s) => s.address)).toEqual([
      'wang.lei@qq.test',
      'wangwu@qq.test',
      'wang.fang@163.test',
    ]);
    expect(byAddress[0]).toEqual({ name: '王磊', address: 'wang.lei@qq.test', times: 5 });
    const byName = await caller.compose.suggestRecipients({ query: '王' });
    expect(byName.map((s) => s.name)).toEqual(['王磊', '王芳']);
    expect(await caller.compose.suggestRecipients({ query: 'me@' })).toEqual([]);
    expect(await caller.compose.suggestRecipients({ query: '%' })).toEqual([]);
    const other = await api.callerFor(otherId).compose.suggestRecipients({ query: 'wang' });
    expect(other.map((s) => s.address)).toEqual(['wang.secret@qq.test']);
  });

  it('is answered from the indexes in milliseconds at 120,000 messages', async () => {
    const caller = api.callerFor(userId);
    /** milliseconds of each of 3 runs of each query, sorted */
    async function timed(queries: string[]) {
      const times: number[] = [];
      for (const query of queries) {
        for (let i = 0; i < 3; i++) {
          const started = performance.now();
          await caller.compose.suggestRecipients({ query });
          times.push(performance.now() - started);
        }
      }
      return times.sort((a, b) => a - b);
    }
    // what people type: a name or address prefix that narrows to a few people
    const typical = await timed(['sender42', 'sender17', 'wang', '王', 'Sender 59', 'x']);
    // the worst case here: one letter every one of the 6,000 senders' addresses starts with
    const worst = await timed(['s', 'se']);
    const at = (times: number[], q: number) => times[Math.floor((times.length - 1) * q)] ?? 0;
    console.log(
      `suggestRecipients, 120,000 messages / 6,000 senders ×2 mailboxes: typical median ${at(typical, 0.5).toFixed(1)} ms, max ${at(typical, 1).toFixed(1)} ms; all-matching one-letter prefix median ${at(worst, 0.5).toFixed(1)} ms`,
    );
    expect(at(typical, 0.5)).toBeLessThan(50);
    expect(at(worst, 0.5)).toBeLessThan(1_000);
    const accounts = await api.database.db.execute(
      sql`select id from mail_account where user_id = ${userId}`,
    );
    const [first, second] = (accounts.rows as { id: string }[]).map((row) => row.id);
    const plan = await api.database.db.execute(sql`
      explain select 1 from contact c
      where c.account_id in (${first}::uuid, ${second}::uuid)
        and (c.address like 'sender42%' or lower(c.name) like 'sender42%')`);
    const text = (plan.rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
    console.log(text);
    expect(text).toMatch(/contact_account_address_prefix_idx/);
    expect(text).toMatch(/contact_account_name_prefix_idx/);
  });
});
