import {
  and,
  eq,
  type FolderRole,
  mailAccount,
  mailbox,
  message,
  pendingImapOp,
} from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { closeImap, openImap } from '@youjian/mail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPendingOps } from './apply-pending-ops';
import { queueFolderCreate, queueFolderDelete, queueFolderRename } from './queue-folder-change';
import { queueMessageExpunge, queueMessageMove } from './queue-message-move';
import { loadAccount, syncAccount } from './sync-account';
import {
  linkTestAccount,
  secretBox,
  seedFolder,
  type TestAccount,
  withDovecot,
} from './test-stack.integration-helpers';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});

afterAll(async () => {
  await testDb?.drop();
});

/** What the server holds in a folder: Message-ID → UID (read straight from Dovecot). */
async function serverMessages(account: TestAccount, path: string): Promise<Map<string, number>> {
  return withDovecot(account.mailUser, async (client) => {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      const found = new Map<string, number>();
      if (client.mailbox && client.mailbox.exists === 0) return found;
      for await (const m of client.fetch('1:*', { uid: true, envelope: true }, { uid: true })) {
        found.set(m.envelope?.messageId ?? '', m.uid);
      }
      return found;
    } finally {
      lock.release();
    }
  });
}

async function serverPaths(account: TestAccount): Promise<string[]> {
  return withDovecot(account.mailUser, async (client) =>
    (await client.list()).map((folder) => folder.path),
  );
}

describe.each(['qq', '163'] as const)('write-back on the %s profile', (preset) => {
  let account: TestAccount;
  const db = () => testDb.db;

  async function apply() {
    const loaded = await loadAccount(db(), account.accountId);
    if (!loaded) throw new Error('no account');
    const client = await openImap(account.creds);
    try {
      return await applyPendingOps({ db: db(), client, account: loaded });
    } finally {
      await closeImap(client);
    }
  }

  async function folder(where: { role?: FolderRole; path?: string }) {
    const [row] = await db()
      .select()
      .from(mailbox)
      .where(
        and(
          eq(mailbox.accountId, account.accountId),
          where.role ? eq(mailbox.role, where.role) : eq(mailbox.path, where.path ?? ''),
        ),
      );
    if (!row) throw new Error(`no folder ${where.role ?? where.path}`);
    return row;
  }

  async function row(messageIdHeader: string) {
    const rows = await db()
      .select()
      .from(message)
      .where(and(eq(message.accountId, account.accountId), eq(message.messageId, messageIdHeader)));
    expect(rows).toHaveLength(1);
    const [only] = rows;
    if (!only) throw new Error(`no message ${messageIdHeader}`);
    return only;
  }

  /** Mirror counts equal the server's, and unread counts equal the mirror's rows. */
  async function expectCountsMatch(path: string) {
    const mirror = await folder({ path });
    const onServer = await serverMessages(account, path);
    expect(mirror.totalCount).toBe(onServer.size);
    const unread = await db()
      .select({ id: message.id })
      .from(message)
      .where(and(eq(message.mailboxId, mirror.id), eq(message.seen, false)));
    expect(mirror.unreadCount).toBe(unread.length);
  }

  const ids = (n: number) => `<${preset}-wb-${n}@example.test>`;

  beforeAll(async () => {
    account = await linkTestAccount(db(), preset);
    await seedFolder(
      account.mailUser,
      'INBOX',
      [1, 2, 3, 4, 5, 6].map((n) => ({ subject: `消息 ${n}`, messageId: ids(n) })),
    );
    await syncAccount({ db: db(), accountId: account.accountId, secretBox });
  });

  it('creates a folder with a Chinese name on the server', async () => {
    const inbox = await folder({ role: 'inbox' });
    await db().transaction((tx) =>
      queueFolderCreate(tx, {
        accountId: account.accountId,
        path: '项目',
        name: '项目',
        delimiter: inbox.delimiter,
      }),
    );
    expect(await apply()).toBe(1);
    expect(await serverPaths(account)).toContain('项目');
  });

  it('moves a message keeping its mirror row and taking the UID the server gave it', async () => {
    const before = await row(ids(1));
    const target = await folder({ path: '项目' });
    await db().transaction((tx) =>
      queueMessageMove(tx, {
        accountId: account.accountId,
        messageIds: [before.id],
        toMailboxId: target.id,
      }),
    );
    // the mirror shows the move at once, before the server has seen it
    const moved = await row(ids(1));
    expect(moved.mailboxId).toBe(target.id);
    expect(moved.uid).toBeLessThan(0);

    await apply();
    const after = await row(ids(1));
    expect(after.id).toBe(before.id);
    expect(after.mailboxId).toBe(target.id);
    expect(after.uid).toBe((await serverMessages(account, '项目')).get(ids(1)));
    expect((await serverMessages(account, 'INBOX')).has(ids(1))).toBe(false);
    await expectCountsMatch('INBOX');
    await expectCountsMatch('项目');

    // a full sync afterwards agrees: same row, no second copy
    await syncAccount({ db: db(), accountId: account.accountId, secretBox });
    expect((await row(ids(1))).id).toBe(before.id);
  });

  it('applying a finished move again changes nothing (crash after the server op)', async () => {
    const [done] = await db()
      .select()
      .from(pendingImapOp)
      .where(and(eq(pendingImapOp.accountId, account.accountId), eq(pendingImapOp.kind, 'move')));
    if (!done) throw new Error('no move op');
    await db()
      .update(pendingImapOp)
      .set({ state: 'pending' })
      .where(and(eq(pendingImapOp.accountId, account.accountId), eq(pendingImapOp.id, done.id)));
    const before = await row(ids(1));
    await apply();
    const after = await row(ids(1));
    expect(after).toMatchObject({ id: before.id, uid: before.uid, mailboxId: before.mailboxId });
    expect([...(await serverMessages(account, '项目')).keys()]).toEqual([ids(1)]);
    expect((await serverMessages(account, 'INBOX')).has(ids(1))).toBe(false);
  });

  it('a move whose COPY reached the server before a crash is not copied twice', async () => {
    const source = await row(ids(2));
    const target = await folder({ path: '项目' });
    await db().transaction((tx) =>
      queueMessageMove(tx, {
        accountId: account.accountId,
        messageIds: [source.id],
        toMailboxId: target.id,
      }),
    );
    // what a crash between COPY and EXPUNGE leaves: the copy exists, the original too,
    // and the op was attempted once already
    await withDovecot(account.mailUser, async (client) => {
      const lock = await client.getMailboxLock('INBOX');
      try {
        await client.messageCopy(String(source.uid), '项目', { uid: true });
      } finally {
        lock.release();
      }
    });
    await db()
      .update(pendingImapOp)
      .set({ attempts: 1 })
      .where(
        and(eq(pendingImapOp.accountId, account.accountId), eq(pendingImapOp.state, 'pending')),
      );
    await apply();
    const inTarget = await serverMessages(account, '项目');
    expect([...inTarget.keys()].sort()).toEqual([ids(1), ids(2)].sort());
    expect((await serverMessages(account, 'INBOX')).has(ids(2))).toBe(false);
    const after = await row(ids(2));
    expect(after.id).toBe(source.id);
    expect(after.uid).toBe(inTarget.get(ids(2)));
    await expectCountsMatch('项目');
  });

  it('deletes to Trash, then for good from Trash (UID EXPUNGE of exactly that UID)', async () => {
    const trash = await folder({ role: 'trash' });
    const victim = await row(ids(3));
    await db().transaction((tx) =>
      queueMessageMove(tx, {
        accountId: account.accountId,
        messageIds: [victim.id],
        toMailboxId: trash.id,
      }),
    );
    await apply();
    expect((await serverMessages(account, trash.path)).has(ids(3))).toBe(true);
    await expectCountsMatch(trash.path);

    // another client's \Deleted message in Trash must survive our expunge
    await seedFolder(account.mailUser, trash.path, [
      { subject: 'flagged elsewhere', messageId: ids(99), flags: ['\\Deleted'] },
    ]);
    await db().transaction((tx) =>
      queueMessageExpunge(tx, { accountId: account.accountId, messageIds: [victim.id] }),
    );
    await apply();
    const left = await serverMessages(account, trash.path);
    expect(left.has(ids(3))).toBe(false);
    expect(left.has(ids(99))).toBe(true);
    expect(await db().select().from(message).where(eq(message.id, victim.id))).toEqual([]);
  });

  it('archives into a newly created Archive folder and marks spam / not spam', async () => {
    const archived = await row(ids(4));
    await db().transaction(async (tx) => {
      const { folderId } = await queueFolderCreate(tx, {
        accountId: account.accountId,
        path: 'Archive',
        name: 'Archive',
        delimiter: '/',
        role: 'archive',
      });
      await queueMessageMove(tx, {
        accountId: account.accountId,
        messageIds: [archived.id],
        toMailboxId: folderId,
      });
    });
    expect(await apply()).toBe(2);
    expect((await serverMessages(account, 'Archive')).has(ids(4))).toBe(true);
    expect((await row(ids(4))).id).toBe(archived.id);

    const junk = await folder({ role: 'junk' });
    const inbox = await folder({ role: 'inbox' });
    const spam = await row(ids(5));
    for (const toMailboxId of [junk.id, inbox.id]) {
      await db().transaction((tx) =>
        queueMessageMove(tx, {
          accountId: account.accountId,
          messageIds: [spam.id],
          toMailboxId,
        }),
      );
      await apply();
    }
    expect((await serverMessages(account, junk.path)).has(ids(5))).toBe(false);
    expect((await serverMessages(account, 'INBOX')).has(ids(5))).toBe(true);
    expect((await row(ids(5))).id).toBe(spam.id);
    await expectCountsMatch('INBOX');
    await expectCountsMatch(junk.path);
  });

  it('renames and deletes a folder on the server', async () => {
    const project = await folder({ path: '项目' });
    await db().transaction((tx) =>
      queueFolderRename(tx, {
        accountId: account.accountId,
        folderId: project.id,
        toPath: '项目二〇二四',
        toName: '项目二〇二四',
      }),
    );
    await apply();
    let paths = await serverPaths(account);
    expect(paths).toContain('项目二〇二四');
    expect(paths).not.toContain('项目');
    await syncAccount({ db: db(), accountId: account.accountId, secretBox });
    expect((await folder({ path: '项目二〇二四' })).id).toBe(project.id);

    await db().transaction((tx) =>
      queueFolderDelete(tx, { accountId: account.accountId, folderId: project.id }),
    );
    await apply();
    paths = await serverPaths(account);
    expect(paths).not.toContain('项目二〇二四');
  });

  it('undoes a move to a folder deleted on the server meanwhile and tells the user', async () => {
    const inbox = await folder({ role: 'inbox' });
    await db().transaction((tx) =>
      queueFolderCreate(tx, {
        accountId: account.accountId,
        path: 'Doomed',
        name: 'Doomed',
        delimiter: inbox.delimiter,
      }),
    );
    await apply();
    const doomed = await folder({ path: 'Doomed' });
    await withDovecot(account.mailUser, (client) => client.mailboxDelete('Doomed'));

    const victim = await row(ids(6));
    await db().transaction((tx) =>
      queueMessageMove(tx, {
        accountId: account.accountId,
        messageIds: [victim.id],
        toMailboxId: doomed.id,
      }),
    );
    await apply();
    const after = await row(ids(6));
    expect(after).toMatchObject({ id: victim.id, mailboxId: inbox.id, uid: victim.uid });
    const [op] = await db()
      .select()
      .from(pendingImapOp)
      .where(
        and(eq(pendingImapOp.accountId, account.accountId), eq(pendingImapOp.state, 'failed')),
      );
    expect(op?.kind).toBe('move');
    const [accountRow] = await db()
      .select()
      .from(mailAccount)
      .where(eq(mailAccount.id, account.accountId));
    expect(accountRow?.lastError).toMatch(/could not be applied/);
    expect(accountRow?.lastErrorCode).toBe('CHANGE_REFUSED');
    expect((await serverMessages(account, 'INBOX')).get(ids(6))).toBe(victim.uid);
    await expectCountsMatch('INBOX');
  });
});
