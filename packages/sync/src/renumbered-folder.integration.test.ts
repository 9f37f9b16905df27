/**
 * A queued change never hits the wrong message (RFC 3501 §2.3.1.1). Between queueing and
 * applying, the folder is renumbered on real Dovecot the way Courier-IMAP renumbers a
 * renamed folder: deleted and re-created (a new UIDVALIDITY) with its messages appended
 * again in a rotated order, so each stale UID names ANOTHER message — UID 1 was m1 and
 * is m2 now, UID 3 was m3 and is m4 now.
 */
import { and, eq, mailAccount, mailbox, message, pendingImapOp, sql } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { closeImap, openImap } from '@youjian/mail';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyPendingOps } from './apply-pending-ops';
import { enqueueImapOp } from './enqueue-imap-op';
import { loadMessageBody } from './load-message-body';
import { queueFolderRename } from './queue-folder-change';
import { queueMessageExpunge, queueMessageMove } from './queue-message-move';
import { closeReadingSessions } from './reading-session';
import { loadAccount, syncAccount } from './sync-account';
import {
  linkTestAccount,
  secretBox,
  seedFolder,
  type TestAccount,
  withDovecot,
} from './test-stack.integration-helpers';

let testDb: TestDatabase;
const db = () => testDb.db;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await closeReadingSessions();
  await testDb?.drop();
});

const ids = ['m1', 'm2', 'm3', 'm4'];
const idOf = (name: string) => `<${name}@renumbered.test>`;
const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n, 9));

/**
 * Deletes and re-creates `path` on the server and appends its messages again — bytes,
 * flags and INTERNALDATE kept — starting with the second one, leaving out `without`.
 */
async function renumberFolder(account: TestAccount, path: string, without: string[] = []) {
  await withDovecot(account.mailUser, async (client) => {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    const kept: Array<{ source: Buffer; flags: string[]; date: Date; messageId: string }> = [];
    try {
      for await (const m of client.fetch(
        '1:*',
        { uid: true, source: true, flags: true, internalDate: true, envelope: true },
        { uid: true },
      )) {
        kept.push({
          source: m.source ?? Buffer.alloc(0),
          flags: [...(m.flags ?? [])].filter((f) => f !== '\\Recent'),
          date: new Date(m.internalDate ?? 0),
          messageId: m.envelope?.messageId ?? '',
        });
      }
    } finally {
      lock.release();
    }
    await client.mailboxDelete(path);
    await client.mailboxCreate(path);
    const rotated = [...kept.slice(1), ...kept.slice(0, 1)];
    for (const m of rotated) {
      if (without.includes(m.messageId)) continue;
      await client.append(path, m.source, m.flags, m.date);
    }
  });
}

/** Message-ID → UID and flags, straight from Dovecot. */
async function serverState(account: TestAccount, path: string) {
  return withDovecot(account.mailUser, async (client) => {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      const state = new Map<string, { uid: number; flags: string[] }>();
      if (client.mailbox && client.mailbox.exists === 0) return state;
      for await (const m of client.fetch(
        '1:*',
        { uid: true, flags: true, envelope: true },
        { uid: true },
      )) {
        const flags = [...(m.flags ?? [])].filter((f) => f !== '\\Recent').sort();
        state.set(m.envelope?.messageId ?? '', { uid: m.uid, flags });
      }
      return state;
    } finally {
      lock.release();
    }
  });
}

async function folderRow(account: TestAccount, path: string) {
  const [row] = await db()
    .select()
    .from(mailbox)
    .where(and(eq(mailbox.accountId, account.accountId), eq(mailbox.path, path)));
  if (!row) throw new Error(`no folder ${path}`);
  return row;
}

/** Message-ID → UID and flags, as the mirror holds them. */
async function mirrorState(account: TestAccount, path: string) {
  const folder = await folderRow(account, path);
  const rows = await db()
    .select({ messageId: message.messageId, uid: message.uid, flags: message.flags })
    .from(message)
    .where(and(eq(message.accountId, account.accountId), eq(message.mailboxId, folder.id)));
  return new Map(
    rows.map((row) => [row.messageId ?? '', { uid: row.uid, flags: [...row.flags].sort() }]),
  );
}

async function messageRow(account: TestAccount, name: string) {
  const [row] = await db()
    .select()
    .from(message)
    .where(and(eq(message.accountId, account.accountId), eq(message.messageId, idOf(name))));
  if (!row) throw new Error(`no message ${name}`);
  return row;
}

async function apply(account: TestAccount) {
  const loaded = await loadAccount(db(), account.accountId);
  if (!loaded) throw new Error('no account');
  const client = await openImap(account.creds);
  try {
    return await applyPendingOps({ db: db(), client, account: loaded });
  } finally {
    await closeImap(client);
  }
}

/** What the web app does for "flag": the mirror row at once, the STORE queued with it. */
async function queueFlag(account: TestAccount, name: string) {
  const row = await messageRow(account, name);
  await db().transaction(async (tx) => {
    await tx
      .update(message)
      .set({ flagged: true, flags: sql`array_append(${message.flags}, '\\Flagged')` })
      .where(and(eq(message.accountId, account.accountId), eq(message.id, row.id)));
    await enqueueImapOp(tx, {
      accountId: account.accountId,
      kind: 'set_flags',
      payload: { mailboxId: row.mailboxId, uids: [row.uid], add: ['\\Flagged'], remove: [] },
    });
  });
}

const flaggedOnServer = async (account: TestAccount, path: string) =>
  [...(await serverState(account, path))]
    .filter(([, m]) => m.flags.includes('\\Flagged'))
    .map(([id]) => id);

async function expectMirrorEqualsServer(account: TestAccount, path: string) {
  expect(await mirrorState(account, path)).toEqual(await serverState(account, path));
}

async function opStates(account: TestAccount) {
  return (
    await db()
      .select({ state: pendingImapOp.state })
      .from(pendingImapOp)
      .where(eq(pendingImapOp.accountId, account.accountId))
  ).map((op) => op.state);
}

describe.each(['custom', '163'] as const)('a folder renumbered on the %s profile', (preset) => {
  let account: TestAccount;

  beforeEach(async () => {
    account = await linkTestAccount(db(), preset);
    await withDovecot(account.mailUser, (client) => client.mailboxCreate('Projects'));
    await seedFolder(
      account.mailUser,
      'Projects',
      ids.map((name, i) => ({ subject: name, messageId: idOf(name), date: day(i) })),
    );
    await syncAccount({ db: db(), accountId: account.accountId, secretBox });
    expect((await messageRow(account, 'm1')).uid).toBe(1);
  });

  it('flagging m1 flags m1 on the server, not m2 which has its old UID now', async () => {
    await queueFlag(account, 'm1');
    await renumberFolder(account, 'Projects');
    expect((await serverState(account, 'Projects')).get(idOf('m2'))?.uid).toBe(1);

    await apply(account);
    expect(await flaggedOnServer(account, 'Projects')).toEqual([idOf('m1')]);
    await expectMirrorEqualsServer(account, 'Projects');
    expect(await opStates(account)).toEqual(['done']);
  });

  it('deleting m3 to Trash moves m3, and m4 which has its old UID now stays', async () => {
    const m3 = await messageRow(account, 'm3');
    const [trash] = await db()
      .select()
      .from(mailbox)
      .where(and(eq(mailbox.accountId, account.accountId), eq(mailbox.role, 'trash')));
    if (!trash) throw new Error('no Trash');
    await db().transaction((tx) =>
      queueMessageMove(tx, {
        accountId: account.accountId,
        messageIds: [m3.id],
        toMailboxId: trash.id,
      }),
    );
    await renumberFolder(account, 'Projects');
    expect((await serverState(account, 'Projects')).get(idOf('m4'))?.uid).toBe(3);

    await apply(account);
    expect([...(await serverState(account, 'Projects')).keys()].sort()).toEqual(
      [idOf('m1'), idOf('m2'), idOf('m4')].sort(),
    );
    expect([...(await serverState(account, trash.path)).keys()]).toEqual([idOf('m3')]);
    const moved = await messageRow(account, 'm3');
    expect(moved.id, 'the moved row keeps its identity').toBe(m3.id);
    expect(moved.mailboxId).toBe(trash.id);
    await expectMirrorEqualsServer(account, 'Projects');
    await expectMirrorEqualsServer(account, trash.path);
  });

  it('deleting m3 for good expunges m3, not m4', async () => {
    const m3 = await messageRow(account, 'm3');
    await db().transaction((tx) =>
      queueMessageExpunge(tx, { accountId: account.accountId, messageIds: [m3.id] }),
    );
    await renumberFolder(account, 'Projects');

    await apply(account);
    expect([...(await serverState(account, 'Projects')).keys()].sort()).toEqual(
      [idOf('m1'), idOf('m2'), idOf('m4')].sort(),
    );
    await expectMirrorEqualsServer(account, 'Projects');
  });

  it('drops a change to a message that is gone after the renumbering and tells the user', async () => {
    await queueFlag(account, 'm2');
    await renumberFolder(account, 'Projects', [idOf('m2')]);

    await apply(account);
    expect(await flaggedOnServer(account, 'Projects')).toEqual([]);
    await expectMirrorEqualsServer(account, 'Projects');
    const [linked] = await db()
      .select({
        lastError: mailAccount.lastError,
        code: mailAccount.lastErrorCode,
        params: mailAccount.lastErrorParams,
      })
      .from(mailAccount)
      .where(eq(mailAccount.id, account.accountId));
    expect(linked?.lastError).toMatch(/could not be applied.*renumbered/);
    expect(linked).toMatchObject({
      code: 'CHANGES_DROPPED',
      params: { count: 1, folder: 'Projects' },
    });
  });

  it('a renamed folder is re-synced before a later change names its UIDs', async () => {
    const projects = await folderRow(account, 'Projects');
    await db().transaction((tx) =>
      queueFolderRename(tx, {
        accountId: account.accountId,
        folderId: projects.id,
        toPath: 'Done',
        toName: 'Done',
      }),
    );
    await queueFlag(account, 'm1');
    // what Courier does at the RENAME, done before it here: Dovecot keeps UIDVALIDITY
    await renumberFolder(account, 'Projects');

    await apply(account);
    expect(await flaggedOnServer(account, 'Done')).toEqual([idOf('m1')]);
    const renamed = await folderRow(account, 'Done');
    expect(renamed.id).toBe(projects.id);
    await expectMirrorEqualsServer(account, 'Done');
    expect(await opStates(account)).toEqual(['done', 'done']);
  });

  it('opening m1 never shows m2, which has its old UID now', async () => {
    const m1 = await messageRow(account, 'm1');
    await renumberFolder(account, 'Projects');
    await expect(
      loadMessageBody({ db: db(), accountId: account.accountId, messageId: m1.id, secretBox }),
    ).rejects.toMatchObject({ code: 'UIDVALIDITY_CHANGED' });
  });
});
