import { and, eq, mailbox, message } from '@youjian/db';
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
let trashId: string;

beforeAll(async () => {
  api = await createTestApi();
  owner = await createProductUser(api, 'undo-owner@example.test');
  folder = await seedMailbox(api, owner, 'undo@qq.test');
  const [trash] = await api.database.db
    .insert(mailbox)
    .values({
      accountId: folder.accountId,
      path: 'Deleted Messages',
      name: 'Deleted Messages',
      role: 'trash',
      uidValidity: 1,
    })
    .returning({ id: mailbox.id });
  if (!trash) throw new Error('no trash');
  trashId = trash.id;
});

afterAll(async () => {
  await api?.close();
});

const folderOf = async (id: string) =>
  (
    await api.database.db
      .select({ mailboxId: message.mailboxId })
      .from(message)
      .where(and(eq(message.id, id), eq(message.accountId, folder.accountId)))
  )[0]?.mailboxId;

describe('moves answer where the messages were, for Undo', () => {
  it('Delete to Trash names the inbox each message left, and moving back restores it', async () => {
    const caller = api.callerFor(owner);
    const id = await seedMessage(api, folder, {
      uid: 1,
      subject: 'undo me',
      receivedAt: '2026-11-30 09:00:00+08',
    });
    const done = await caller.messages.delete({ accountId: folder.accountId, messageIds: [id] });
    expect(done.origins).toEqual([{ id, mailboxId: folder.inboxId }]);
    expect(await folderOf(id)).toBe(trashId);

    await caller.messages.move({
      accountId: folder.accountId,
      messageIds: [id],
      toMailboxId: folder.inboxId,
    });
    expect(await folderOf(id)).toBe(folder.inboxId);
  });

  it('a deletion for good (in Trash) has no origins: nothing can come back', async () => {
    const caller = api.callerFor(owner);
    const id = await seedMessage(api, folder, {
      uid: 2,
      subject: 'gone',
      receivedAt: '2026-11-30 09:01:00+08',
    });
    await caller.messages.delete({ accountId: folder.accountId, messageIds: [id] });
    const again = await caller.messages.delete({ accountId: folder.accountId, messageIds: [id] });
    expect(again.origins).toEqual([]);
  });

  it('Archive and Move to name the folder each message came from', async () => {
    const caller = api.callerFor(owner);
    const id = await seedMessage(api, folder, {
      uid: 3,
      subject: 'archive me',
      receivedAt: '2026-11-30 09:02:00+08',
    });
    const archived = await caller.messages.archive({
      accountId: folder.accountId,
      messageIds: [id],
    });
    expect(archived.origins).toEqual([{ id, mailboxId: folder.inboxId }]);
    const moved = await caller.messages.move({
      accountId: folder.accountId,
      messageIds: [id],
      toMailboxId: trashId,
    });
    expect(moved.origins).toHaveLength(1);
    expect(moved.origins[0]?.mailboxId).not.toBe(folder.inboxId);
  });
});
