/**
 * Folders on a server whose personal namespace is "INBOX." with "." as separator
 * (RFC 2342; Courier-IMAP, Cyrus): the local stack's courier.test profile. Every change
 * goes the product's way — the API changes the mirror and queues the command, the worker
 * applies it to the real Dovecot, the next sync compares the mirror with the server.
 */
import crypto from 'node:crypto';
import { and, eq, mailAccount, mailbox, message, pendingImapOp } from '@youjian/db';
import { closeImap, openImap } from '@youjian/mail';
import { appendMessage, connectImap, createMailUser, MAILSTACK } from '@youjian/mailstack';
import { accountCredentials, applyPendingOps, syncAccount } from '@youjian/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProductUser,
  createTestApi,
  linkStackMailbox,
  type TestApi,
} from './test-support.integration-helpers';

let api: TestApi;
let userId: string;
let accountId: string;
let mailUser: { address: string; authCode: string };

const db = () => api.database.db;
const caller = () => api.callerFor(userId);

async function accountRow() {
  const [row] = await db().select().from(mailAccount).where(eq(mailAccount.id, accountId));
  if (!row) throw new Error('no account');
  return row;
}

/** What the worker does between passes: applies the queued server writes. */
async function applyQueue() {
  const account = await accountRow();
  const client = await openImap(accountCredentials(account, api.secretBox));
  try {
    return await applyPendingOps({ db: db(), client, account });
  } finally {
    await closeImap(client);
  }
}

const sync = () => syncAccount({ db: db(), accountId, secretBox: api.secretBox });

/** The folder paths Dovecot lists, read over a session of its own. */
async function serverPaths(): Promise<string[]> {
  const client = await connectImap(mailUser);
  try {
    return (await client.list()).map((entry) => entry.path);
  } finally {
    await client.logout();
  }
}

async function onServer(
  work: (client: Awaited<ReturnType<typeof connectImap>>) => Promise<unknown>,
) {
  const client = await connectImap(mailUser);
  try {
    await work(client);
  } finally {
    await client.logout();
  }
}

/** The folders as the user's folder list shows them. */
const folderList = async () => (await caller().accounts.list())[0]?.folders ?? [];
const folderById = async (id: string) => (await folderList()).find((f) => f.id === id);
const folderByPath = async (path: string) => (await folderList()).find((f) => f.path === path);

const failedOps = () =>
  db()
    .select({ kind: pendingImapOp.kind, lastError: pendingImapOp.lastError })
    .from(pendingImapOp)
    .where(and(eq(pendingImapOp.accountId, accountId), eq(pendingImapOp.state, 'failed')));

beforeAll(async () => {
  api = await createTestApi();
  userId = await createProductUser(api, 'courier-user@example.test');
  mailUser = await createMailUser('courier.test');
  accountId = await linkStackMailbox(api, userId, mailUser, MAILSTACK.providers.courier);
  await sync();
});

afterAll(async () => {
  await api?.close();
});

describe('folders under the personal namespace "INBOX." (RFC 2342)', () => {
  it('creates 临时 as INBOX.临时: the mirror holds the server path at once, the list shows 临时', async () => {
    const { id } = await caller().folders.create({ accountId, name: '临时' });
    expect(await folderById(id)).toMatchObject({ path: 'INBOX.临时', name: '临时' });
    await applyQueue();
    expect(await serverPaths()).toContain('INBOX.临时');
    await sync();
    expect(await folderById(id)).toMatchObject({ path: 'INBOX.临时', name: '临时' });
    expect(await failedOps()).toEqual([]);
  });

  it('renames the folder and a child inside it; both keep their ids across a sync', async () => {
    await onServer((client) => client.mailboxCreate('INBOX.临时.子'));
    await sync();
    const parent = await folderByPath('INBOX.临时');
    const child = await folderByPath('INBOX.临时.子');
    expect(child?.name).toBe('子');
    if (!parent || !child) throw new Error('folders not mirrored');

    await caller().folders.rename({ accountId, folderId: parent.id, name: '暂存' });
    expect(await folderById(parent.id)).toMatchObject({ path: 'INBOX.暂存', name: '暂存' });
    expect(await folderById(child.id)).toMatchObject({ path: 'INBOX.暂存.子', name: '子' });
    await caller().folders.rename({ accountId, folderId: child.id, name: '孩子' });
    expect(await folderById(child.id)).toMatchObject({ path: 'INBOX.暂存.孩子', name: '孩子' });

    await applyQueue();
    const paths = await serverPaths();
    expect(paths).toEqual(expect.arrayContaining(['INBOX.暂存', 'INBOX.暂存.孩子']));
    expect(paths).not.toContain('INBOX.临时');
    await sync();
    expect(await folderById(parent.id)).toMatchObject({ path: 'INBOX.暂存', name: '暂存' });
    expect(await folderById(child.id)).toMatchObject({ path: 'INBOX.暂存.孩子', name: '孩子' });
    expect(await failedOps()).toEqual([]);
  });

  it('deletes the folders: gone on the server, and they do not return after a sync', async () => {
    const parent = await folderByPath('INBOX.暂存');
    const child = await folderByPath('INBOX.暂存.孩子');
    if (!parent || !child) throw new Error('folders missing');
    await caller().folders.delete({ accountId, folderId: child.id });
    await caller().folders.delete({ accountId, folderId: parent.id });
    await applyQueue();
    const paths = await serverPaths();
    expect(paths).not.toContain('INBOX.暂存');
    expect(paths).not.toContain('INBOX.暂存.孩子');
    await sync();
    const names = (await folderList()).map((f) => f.name);
    expect(names).not.toContain('暂存');
    expect(names).not.toContain('孩子');
    expect(await failedOps()).toEqual([]);
  });

  it('archives into a new Archive folder under the prefix; the message keeps its id', async () => {
    const messageId = `<${crypto.randomUUID()}@example.test>`;
    await appendMessage(
      mailUser,
      'INBOX',
      [
        'From: Sender <sender@example.test>',
        `To: ${mailUser.address}`,
        'Subject: 合同',
        `Message-ID: ${messageId}`,
        '',
        'Body',
        '',
      ].join('\r\n'),
    );
    await sync();
    const [before] = await db()
      .select({ id: message.id })
      .from(message)
      .where(and(eq(message.accountId, accountId), eq(message.messageId, messageId)));
    if (!before) throw new Error('message not mirrored');

    await caller().messages.archive({ accountId, messageIds: [before.id] });
    const archive = (await folderList()).find((f) => f.role === 'archive');
    expect(archive).toMatchObject({ path: 'INBOX.Archive', name: 'Archive' });
    await applyQueue();
    expect(await serverPaths()).toContain('INBOX.Archive');
    await sync();
    const after = await db()
      .select({ id: message.id, mailboxId: message.mailboxId })
      .from(message)
      .where(and(eq(message.accountId, accountId), eq(message.messageId, messageId)));
    expect(after).toEqual([{ id: before.id, mailboxId: archive?.id }]);
    expect(await folderByPath('INBOX.Archive')).toMatchObject({ id: archive?.id, role: 'archive' });
    expect(await failedOps()).toEqual([]);
  });

  it('says so when a folder to delete is no longer on the server', async () => {
    await onServer((client) => client.mailboxCreate('INBOX.旧项目'));
    await sync();
    const old = await folderByPath('INBOX.旧项目');
    if (!old) throw new Error('folder not mirrored');
    // another mail client deletes it before the worker gets to it
    await onServer((client) => client.mailboxDelete('INBOX.旧项目'));
    await caller().folders.delete({ accountId, folderId: old.id });
    await applyQueue();
    expect(await failedOps()).toMatchObject([
      { kind: 'delete_folder', lastError: expect.stringContaining('旧项目') },
    ]);
    const [account] = await caller().accounts.list();
    // the user is told in their language which folder was missing (web lib/app-error.ts)
    expect(account?.problem).toEqual({
      code: 'CHANGE_REFUSED',
      params: { cause: 'FOLDER_GONE', folder: '旧项目' },
      detail: null,
    });
    expect(await folderById(old.id)).toBeUndefined();
  });
});

describe('folder changes the worker applies', () => {
  it('does not report a delete whose earlier try reached the server before a crash', async () => {
    await onServer((client) => client.mailboxCreate('INBOX.草稿二'));
    await sync();
    const folder = await folderByPath('INBOX.草稿二');
    if (!folder) throw new Error('folder not mirrored');
    await caller().folders.delete({ accountId, folderId: folder.id });
    // the earlier try: counted, DELETE answered, then the worker died before marking it done
    await db()
      .update(pendingImapOp)
      .set({ attempts: 1 })
      .where(and(eq(pendingImapOp.accountId, accountId), eq(pendingImapOp.state, 'pending')));
    await onServer((client) => client.mailboxDelete('INBOX.草稿二'));
    expect(await applyQueue()).toBe(1);
    expect(await failedOps()).toHaveLength(1); // only the earlier test's
  });

  it('gives the mirror the server path of a folder queued before the namespace was known', async () => {
    await db()
      .update(mailAccount)
      .set({ personalNamespace: null })
      .where(eq(mailAccount.id, accountId));
    const { id } = await caller().folders.create({ accountId, name: '早' });
    await applyQueue();
    expect(await serverPaths()).toContain('INBOX.早');
    expect(await folderById(id)).toMatchObject({ path: 'INBOX.早', name: '早' });
    await sync();
    expect(await folderById(id)).toMatchObject({ path: 'INBOX.早', name: '早' });
  });
});

describe('the mailbox table', () => {
  it('keeps one row per server path', async () => {
    const rows = await db()
      .select({ path: mailbox.path })
      .from(mailbox)
      .where(eq(mailbox.accountId, accountId));
    const paths = rows.map((row) => row.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.every((path) => path === 'INBOX' || path.startsWith('INBOX.'))).toBe(true);
  });
});
