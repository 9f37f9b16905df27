import { eq, message, pendingImapOp, sql } from '@youjian/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProductUser,
  createTestApi,
  seedMailbox,
  seedMessage,
  type TestApi,
} from './test-support.integration-helpers';

let api: TestApi;
let owner: string;
let qq: { accountId: string; inboxId: string };
let netease: { accountId: string; inboxId: string };

beforeAll(async () => {
  api = await createTestApi();
  owner = await createProductUser(api, 'bulk@example.test');
  qq = await seedMailbox(api, owner, 'bulk@qq.test');
  netease = await seedMailbox(api, owner, 'bulk@163.test');
  // more than one server page (200) in one mailbox, so "all" must reach unloaded pages
  for (let uid = 1; uid <= 230; uid += 1) {
    const receivedAt = new Date(Date.UTC(2024, 0, 1, 0, uid)).toISOString();
    await seedMessage(api, qq, { uid, subject: `发票 ${uid}`, receivedAt });
  }
  for (let uid = 1; uid <= 3; uid += 1) {
    const receivedAt = new Date(Date.UTC(2024, 1, 1, 0, uid)).toISOString();
    await seedMessage(api, netease, { uid, subject: `会议 ${uid}`, receivedAt });
  }
});

afterAll(async () => {
  await api?.close();
});

const queuedOps = async (accountId: string) =>
  (
    await api.database.db
      .select({ kind: pendingImapOp.kind })
      .from(pendingImapOp)
      .where(eq(pendingImapOp.accountId, accountId))
  ).map((row) => row.kind);

describe('messages.bulk ("Select all")', () => {
  it('marks every message of All inboxes read, pages never loaded included, one write-back per mailbox', async () => {
    const result = await api.callerFor(owner).messages.bulk({ action: 'markRead' });
    // flags are undone by the opposite button: nothing to move back
    expect(result).toEqual({ changed: 233, mailboxes: 2, origins: [] });
    const [unread] = (
      await api.database.db.execute(
        sql`select count(*)::int as n from ${message} where not seen and account_id in (${qq.accountId}::uuid, ${netease.accountId}::uuid)`,
      )
    ).rows as Array<{ n: number }>;
    expect(unread?.n).toBe(0);
    expect(await queuedOps(qq.accountId)).toHaveLength(1);
    expect(await queuedOps(netease.accountId)).toHaveLength(1);
  });

  it('archives all results of a search and nothing else', async () => {
    const caller = api.callerFor(owner);
    const result = await caller.messages.bulk({ query: '会议', action: 'archive' });
    expect(result).toMatchObject({ changed: 3, mailboxes: 1 });
    // each archived message says where it was, for the toast's Undo
    expect(result.origins).toHaveLength(3);
    for (const origin of result.origins) {
      expect(origin).toMatchObject({ accountId: netease.accountId, mailboxId: netease.inboxId });
    }
    const inbox = await caller.messages.list({ limit: 200 });
    expect(inbox.items.some((item) => item.subject.startsWith('会议'))).toBe(false);
    expect(inbox.items.filter((item) => item.subject.startsWith('发票'))).toHaveLength(200);
  });

  it('answers a bad search in words', async () => {
    await expect(
      api.callerFor(owner).messages.bulk({ query: 'before:someday', action: 'delete' }),
    ).rejects.toThrow(/before/);
  });
});
