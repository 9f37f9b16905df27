/**
 * The conversation list's plan on a mailbox big enough for the planner to care (20,000
 * messages in threads of four, one of each in Sent): a page reads the folder's keyset index
 * newest first and stops after the page, probing the thread index per row — never a scan
 * of the folder or the account plus a sort. The timings are printed for the closing note.
 */
import { sql } from '@youjian/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationPageQuery } from './services/list-conversations';
import {
  createProductUser,
  createTestApi,
  seedMailbox,
  type TestApi,
} from './test-support.integration-helpers';

let api: TestApi;
let folder: { accountId: string; inboxId: string; sentId: string };

beforeAll(async () => {
  api = await createTestApi();
  const owner = await createProductUser(api, 'threads-planner@example.test');
  const box = await seedMailbox(api, owner, 'threads-planner@qq.test');
  const [sent] = (
    await api.database.db.execute(sql`insert into mailbox (account_id, path, name, role)
      values (${box.accountId}::uuid, 'Sent', 'Sent', 'sent') returning id`)
  ).rows as Array<{ id: string }>;
  folder = { ...box, sentId: sent?.id ?? '' };
  const { db } = api.database;
  await db.execute(sql`insert into thread (account_id, id, subject_key)
    select ${box.accountId}::uuid, md5('t' || n)::uuid, 'subject ' || n
    from generate_series(1, 5000) as n`);
  // message n belongs to thread n / 4, spread over time so threads interleave; every
  // fourth is the user's reply in Sent
  await db.execute(sql`insert into message
      (account_id, mailbox_id, uid, thread_id, subject, received_at, seen, flagged)
    select ${box.accountId}::uuid,
      case when n % 4 = 3 then ${folder.sentId}::uuid else ${box.inboxId}::uuid end, n,
      md5('t' || (n / 4 + 1))::uuid, 'subject ' || (n / 4 + 1),
      timestamptz '2024-01-01' + ((n % 4) * 97 + n / 4) * interval '1 minute',
      n % 50 <> 0, n % 100 = 0
    from generate_series(0, 19999) as n`);
  await db.execute(sql`analyze message`);
  await db.execute(sql`analyze thread`);
});

afterAll(async () => {
  await api?.close();
});

async function analyzed(keyset: boolean): Promise<{ plan: string; ms: number }> {
  const scope = {
    sources: [{ accountId: folder.accountId, mailboxIds: [folder.inboxId] }],
    starredOnly: false,
    unreadOnly: false,
  };
  const after = keyset
    ? sql`(m.received_at, m.id) < ('2024-01-03 00:00:00+00'::timestamptz, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid)`
    : null;
  const statement = conversationPageQuery(scope, [], 51, after);
  if (!statement) throw new Error('no statement');
  // warm once, then measure
  await api.database.db.execute(statement);
  const result = await api.database.db.execute(sql`explain (analyze, buffers) ${statement}`);
  const plan = result.rows.map((row) => String(row['QUERY PLAN'])).join('\n');
  const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1]);
  return { plan, ms };
}

describe('conversation list plan', () => {
  it('reads a page of a 20,000-message folder from the keyset and thread indexes', async () => {
    for (const keyset of [false, true]) {
      const { plan, ms } = await analyzed(keyset);
      console.log(`conversation page (${keyset ? 'deep' : 'first'}): ${ms} ms`);
      expect(plan).toMatch(/Index Scan using message_account_mailbox_received_idx/);
      expect(plan).toMatch(/Index (Only )?Scan using message_account_thread_idx/);
      expect(plan).not.toMatch(/Seq Scan on message|Bitmap Heap Scan on message/);
      // the folder's scan stops after the page: anchors of 51 conversations of three
      // inbox messages each are found within a few hundred rows, not 15,000
      const folderRows =
        /message_account_mailbox_received_idx.*actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(plan);
      expect(Number(folderRows?.[1])).toBeLessThan(1000);
      expect(ms).toBeLessThan(100);
    }
  });
});
