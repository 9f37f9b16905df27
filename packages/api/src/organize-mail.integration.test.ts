import { and, eq, type FolderRole, mailbox, pendingImapOp } from '@youjian/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProductUser,
  createTestApi,
  errorOf,
  seedMailbox,
  seedMessage,
  type TestApi,
} from './test-support.integration-helpers';

let api: TestApi;
let alice: string;
let mail: { accountId: string; inboxId: string };
const folders: Partial<Record<FolderRole, string>> = {};

async function addFolder(path: string, role: FolderRole | null) {
  const [row] = await api.database.db
    .insert(mailbox)
    .values({ accountId: mail.accountId, path, name: path, role, delimiter: '/', uidValidity: 1 })
    .returning({ id: mailbox.id });
  if (!row) throw new Error('folder not created');
  return row.id;
}

const caller = () => api.callerFor(alice);
const messagesIn = async (mailboxId: string) =>
  (await caller().messages.list({ accountId: mail.accountId, mailboxId })).items;
const folderList = async () => (await caller().accounts.list())[0]?.folders ?? [];
const queued = async () =>
  (
    await api.database.db
      .select({ kind: pendingImapOp.kind, payload: pendingImapOp.payload })
      .from(pendingImapOp)
      .where(eq(pendingImapOp.accountId, mail.accountId))
      .orderBy(pendingImapOp.id)
  ).map((op) => ({ kind: op.kind, ...op.payload }));

beforeAll(async () => {
  api = await createTestApi();
  alice = await createProductUser(api, 'alice@example.test');
  mail = await seedMailbox(api, alice, 'alice@qq.test');
  folders.inbox = mail.inboxId;
  folders.trash = await addFolder('Deleted Messages', 'trash');
  folders.junk = await addFolder('Junk', 'junk');
});

afterAll(async () => {
  await api?.close();
});

async function seed(uid: number, subject: string) {
  return seedMessage(api, mail, { uid, subject, receivedAt: `2024-05-0${uid} 09:00:00+08` });
}

describe('organizing messages', () => {
  it('moves several messages at once: they leave the list, counts follow, one op is queued', async () => {
    const work = await addFolder('工作', null);
    const a = await seed(1, '周报');
    const b = await seed(2, '月报');
    const result = await caller().messages.move({
      accountId: mail.accountId,
      messageIds: [a, b],
      toMailboxId: work,
    });
    expect(result.changed).toBe(2);
    expect((await messagesIn(work)).map((m) => m.id).sort()).toEqual([a, b].sort());
    expect(await messagesIn(mail.inboxId)).toEqual([]);
    const counts = await folderList();
    expect(counts.find((f) => f.id === work)).toMatchObject({ totalCount: 2, unreadCount: 2 });
    expect(counts.find((f) => f.id === mail.inboxId)).toMatchObject({ totalCount: 0 });
    expect(await queued()).toMatchObject([
      { kind: 'move', mailboxId: mail.inboxId, uids: [1, 2], toMailboxId: work, toPath: '工作' },
    ]);
  });

  it('deletes to Trash, and from Trash for good', async () => {
    const doomed = await seed(3, '广告');
    await caller().messages.delete({ accountId: mail.accountId, messageIds: [doomed] });
    expect((await messagesIn(folders.trash ?? '')).map((m) => m.id)).toEqual([doomed]);
    await caller().messages.delete({ accountId: mail.accountId, messageIds: [doomed] });
    expect(await messagesIn(folders.trash ?? '')).toEqual([]);
    expect((await queued()).at(-1)).toMatchObject({
      kind: 'delete',
      mailboxId: folders.trash,
      path: 'Deleted Messages',
    });
  });

  it('archives into an "Archive" folder it creates when the mailbox has none', async () => {
    const first = await seed(4, '合同');
    await caller().messages.archive({ accountId: mail.accountId, messageIds: [first] });
    const archive = (await folderList()).find((f) => f.role === 'archive');
    expect(archive?.name).toBe('Archive');
    expect((await messagesIn(archive?.id ?? '')).map((m) => m.id)).toEqual([first]);
    const ops = await queued();
    expect(ops.slice(-2)).toMatchObject([
      { kind: 'create_folder', path: 'Archive' },
      { kind: 'move', toMailboxId: archive?.id },
    ]);
    // the second archive reuses the folder
    const second = await seed(5, '发票');
    await caller().messages.archive({ accountId: mail.accountId, messageIds: [second] });
    expect((await folderList()).filter((f) => f.name === 'Archive')).toHaveLength(1);
    expect((await queued()).at(-1)).toMatchObject({ kind: 'move' });
  });

  it('marks spam into Junk and "not spam" back to the inbox', async () => {
    const spam = await seed(6, '中奖通知');
    await caller().messages.markSpam({ accountId: mail.accountId, messageIds: [spam] });
    expect((await messagesIn(folders.junk ?? '')).map((m) => m.id)).toEqual([spam]);
    await caller().messages.markNotSpam({ accountId: mail.accountId, messageIds: [spam] });
    expect((await messagesIn(mail.inboxId)).map((m) => m.id)).toEqual([spam]);
  });
});

describe('managing folders', () => {
  it('creates, renames and deletes a folder of the user', async () => {
    const { id } = await caller().folders.create({ accountId: mail.accountId, name: ' 旅行 ' });
    expect((await folderList()).find((f) => f.id === id)?.name).toBe('旅行');
    await caller().folders.rename({ accountId: mail.accountId, folderId: id, name: '旅行计划' });
    expect((await folderList()).find((f) => f.id === id)).toMatchObject({
      name: '旅行计划',
      path: '旅行计划',
    });
    await caller().folders.delete({ accountId: mail.accountId, folderId: id });
    expect((await folderList()).find((f) => f.id === id)).toBeUndefined();
    expect((await queued()).slice(-3)).toMatchObject([
      { kind: 'create_folder', path: '旅行' },
      { kind: 'rename_folder', fromPath: '旅行', toPath: '旅行计划' },
      { kind: 'delete_folder', path: '旅行计划' },
    ]);
  });

  it('refuses to rename or delete Inbox, Trash and the other role folders', async () => {
    for (const folderId of [mail.inboxId, folders.trash ?? '']) {
      const rename = await errorOf(
        caller().folders.rename({ accountId: mail.accountId, folderId, name: 'x' }),
      );
      expect(rename.message).toMatch(/cannot be renamed/);
      const remove = await errorOf(
        caller().folders.delete({ accountId: mail.accountId, folderId }),
      );
      expect(remove.message).toMatch(/cannot be deleted/);
    }
  });

  it('refuses a name that exists already or contains the delimiter', async () => {
    const taken = await errorOf(
      caller().folders.create({ accountId: mail.accountId, name: 'junk' }),
    );
    expect(taken.message).toBe('A folder named "junk" exists already.');
    const nested = await errorOf(
      caller().folders.create({ accountId: mail.accountId, name: 'a/b' }),
    );
    expect(nested.code).toBe('BAD_REQUEST');
    const [inbox] = await api.database.db
      .select()
      .from(mailbox)
      .where(and(eq(mailbox.accountId, mail.accountId), eq(mailbox.path, 'a/b')));
    expect(inbox).toBeUndefined();
  });
});
