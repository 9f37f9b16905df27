import { messageBody } from '@youjian/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProductUser,
  createTestApi,
  errorOf,
  seedMailbox,
  seedMessage,
  type TestApi,
} from './test-support.integration-helpers';

/**
 * messages.peek, the list's read-ahead: a mirrored body comes back as messages.get gives
 * it; a body not mirrored is null — the seeded mailbox's IMAP port is 1, so a fetch from
 * the server would fail, and null shows none was tried.
 */

let api: TestApi;
let alice: string;
let mallory: string;
let folder: { accountId: string; inboxId: string };
let mirrored: string;
let notMirrored: string;

beforeAll(async () => {
  api = await createTestApi();
  alice = await createProductUser(api, 'alice@example.test');
  mallory = await createProductUser(api, 'mallory@example.test');
  folder = await seedMailbox(api, alice, 'alice@qq.test');
  mirrored = await seedMessage(api, folder, {
    uid: 1,
    subject: '会议纪要',
    receivedAt: '2024-05-01 09:00:00+08',
  });
  notMirrored = await seedMessage(api, folder, {
    uid: 2,
    subject: 'never opened',
    receivedAt: '2024-05-02 09:00:00+08',
  });
  await api.database.db.insert(messageBody).values({
    accountId: folder.accountId,
    messageId: mirrored,
    html: null,
    text: '发票已附上',
  });
});

afterAll(async () => {
  await api.close();
});

describe('messages.peek', () => {
  it('gives a mirrored message as messages.get does', async () => {
    const caller = api.callerFor(alice);
    const ref = { accountId: folder.accountId, messageId: mirrored };
    const peeked = await caller.messages.peek(ref);
    expect(peeked?.body.text).toBe('发票已附上');
    expect(peeked).toEqual(await caller.messages.get(ref));
  });

  it('gives null for a body the mirror does not hold, without asking the mail server', async () => {
    const peeked = await api
      .callerFor(alice)
      .messages.peek({ accountId: folder.accountId, messageId: notMirrored });
    expect(peeked).toBeNull();
  });

  it("refuses another user's message, mirrored or not", async () => {
    for (const messageId of [mirrored, notMirrored]) {
      const error = await errorOf(
        api.callerFor(mallory).messages.peek({ accountId: folder.accountId, messageId }),
      );
      expect(error.code).toBe('NOT_FOUND');
    }
  });
});
