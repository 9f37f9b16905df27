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
let folder: { accountId: string; inboxId: string };
const subjects = new Map<string, string>();

beforeAll(async () => {
  api = await createTestApi();
  owner = await createProductUser(api, 'reader@example.test');
  folder = await seedMailbox(api, owner, 'reader@163.test');
  // three share one timestamp, two differ only in microseconds: the id must break ties
  const times = [
    '2024-03-01 08:00:00+00',
    '2024-03-02 08:00:00.000001+00',
    '2024-03-02 08:00:00.000002+00',
    '2024-03-03 08:00:00+00',
    '2024-03-03 08:00:00+00',
    '2024-03-03 08:00:00+00',
    '2024-03-04 08:00:00+00',
  ];
  for (const [index, receivedAt] of times.entries()) {
    const subject = index === 3 ? `季度报告 ${index}` : `Report ${index}`;
    subjects.set(await seedMessage(api, folder, { uid: index + 1, subject, receivedAt }), subject);
  }
});

afterAll(async () => {
  await api?.close();
});

async function allPages(limit: number) {
  const caller = api.callerFor(owner);
  const seen: Array<{ id: string; receivedAt: Date }> = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof caller.messages.list>> = await caller.messages.list({
      mailboxId: folder.inboxId,
      limit,
      cursor,
    });
    seen.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

describe('message list keyset paging', () => {
  it('returns every message exactly once, newest first, whatever the page size', async () => {
    const everything = await api
      .callerFor(owner)
      .messages.list({ mailboxId: folder.inboxId, limit: 100 });
    expect(everything.items).toHaveLength(7);
    expect(everything.nextCursor).toBeNull();
    const times = everything.items.map((item) => item.receivedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const limit of [1, 2, 3, 6]) {
      expect((await allPages(limit)).map((item) => item.id)).toEqual(
        everything.items.map((item) => item.id),
      );
    }
  });

  it('keeps the next page stable when new mail arrives on top', async () => {
    const caller = api.callerFor(owner);
    const first = await caller.messages.list({ mailboxId: folder.inboxId, limit: 3 });
    const before = await caller.messages.list({
      mailboxId: folder.inboxId,
      limit: 3,
      cursor: first.nextCursor,
    });
    await seedMessage(api, folder, {
      uid: 100,
      subject: 'Newest',
      receivedAt: '2024-03-05 08:00:00+00',
    });
    const after = await caller.messages.list({
      mailboxId: folder.inboxId,
      limit: 3,
      cursor: first.nextCursor,
    });
    expect(after.items.map((item) => item.id)).toEqual(before.items.map((item) => item.id));
  });

  it('finds a two-character Chinese word through the search box', async () => {
    const found = await api
      .callerFor(owner)
      .messages.list({ accountId: folder.accountId, query: '报告' });
    expect(found.items.map((item) => item.subject)).toEqual(['季度报告 3']);
  });

  it('rejects a forged cursor with a readable message', async () => {
    await expect(
      api.callerFor(owner).messages.list({ mailboxId: folder.inboxId, cursor: 'Zm9yZ2Vk' }),
    ).rejects.toThrow('The list position is invalid; reload the list.');
  });
});
