import {
  and,
  eq,
  mailAccount,
  mailbox,
  message,
  outgoingMail,
  pendingImapOp,
  sql,
} from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { deliverMessage } from '@youjian/mailstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueImapOp } from './enqueue-imap-op';
import { queueOutgoingMail } from './queue-outgoing-mail';
import {
  linkTestAccount,
  rawMessage,
  secretBox,
  seedFolder,
  serverFlags,
  type TestAccount,
  waitFor,
} from './test-stack.integration-helpers';
import { startWorker, type Worker } from './worker/start-worker';

let testDb: TestDatabase;
let worker: Worker;
let qq: TestAccount;
let netease: TestAccount;
let custom: TestAccount;

async function inboxRow(accountId: string, role = 'inbox') {
  const [row] = await testDb.db
    .select()
    .from(mailbox)
    .where(and(eq(mailbox.accountId, accountId), sql`${mailbox.role} = ${role}`));
  return row ?? null;
}

async function messagesWithSubject(accountId: string, subject: string, role = 'inbox') {
  const box = await inboxRow(accountId, role);
  if (!box) return [];
  return testDb.db
    .select()
    .from(message)
    .where(
      and(
        eq(message.accountId, accountId),
        eq(message.mailboxId, box.id),
        eq(message.subject, subject),
      ),
    );
}

async function accountOk(accountId: string) {
  const [row] = await testDb.db.select().from(mailAccount).where(eq(mailAccount.id, accountId));
  return row?.status === 'ok' && row.syncProgress === 100;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  // "SMTP发信后保存到服务器" on: the QQ emulation files the Sent copy of what it sends
  qq = await linkTestAccount(testDb.db, 'qq', { smtpSaveToServer: true });
  netease = await linkTestAccount(testDb.db, '163');
  custom = await linkTestAccount(testDb.db, 'custom');
  for (const account of [qq, netease, custom]) {
    await seedFolder(account.mailUser, 'INBOX', [
      { subject: 'Welcome' },
      { subject: 'Unread note' },
    ]);
  }
  const started = performance.now();
  worker = await startWorker({
    databaseUrl: testDb.url,
    secretBox,
    workerId: 'test-worker',
    pollIntervalMs: 500,
    log: () => undefined,
  });
  for (const account of [qq, netease, custom]) {
    await waitFor(() => accountOk(account.accountId), 'first sync');
  }
  console.info(
    `[measure] worker start to 3 accounts synced: ${Math.round(performance.now() - started)} ms`,
  );
});

afterAll(async () => {
  await worker?.stop();
  await testDb?.drop();
});

describe('the worker', () => {
  it('owns every linked account through a lease', async () => {
    expect(worker.ownedAccounts().sort()).toEqual(
      [qq.accountId, netease.accountId, custom.accountId].sort(),
    );
    const rows = await testDb.db.select().from(mailAccount);
    for (const row of rows) {
      expect(row.leaseOwner).toBe('test-worker');
      expect(row.leaseExpiresAt?.getTime()).toBeGreaterThan(Date.now());
    }
  });

  it('indexes the body of new mail, then goes back to IDLE for the next one', async () => {
    const raw = rawMessage({ subject: 'Body index' }, qq.mailUser.address).replace(
      'Body of Body index',
      `${'filler words '.repeat(200)}\r\nthe password hint is periwinkle`,
    );
    await deliverMessage({ from: 'someone@example.test', to: qq.mailUser.address, raw });
    const [indexed] = await waitFor(async () => {
      const rows = await messagesWithSubject(qq.accountId, 'Body index');
      return rows[0]?.bodyIndexed ? rows : null;
    }, 'body index');
    const [hit] = await testDb.db
      .select({ id: message.id })
      .from(message)
      .where(sql`${message.searchDocument} @@ to_tsquery('simple', 'periwinkle')`);
    expect(hit?.id).toBe(indexed?.id);

    await deliverMessage({
      from: 'someone@example.test',
      to: qq.mailUser.address,
      raw: rawMessage({ subject: 'After the index' }, qq.mailUser.address),
    });
    await waitFor(
      async () => (await messagesWithSubject(qq.accountId, 'After the index')).length === 1,
      'push after indexing',
      10_000,
    );
  });

  it('sees new mail through IDLE on a QQ account', async () => {
    const sent = performance.now();
    await deliverMessage({
      from: 'someone@example.test',
      to: qq.mailUser.address,
      raw: rawMessage({ subject: 'Pushed by IDLE' }, qq.mailUser.address),
    });
    await waitFor(
      async () => (await messagesWithSubject(qq.accountId, 'Pushed by IDLE')).length === 1,
      'IDLE push',
      10_000,
    );
    console.info(
      `[measure] qq delivery → mirror via IDLE: ${Math.round(performance.now() - sent)} ms`,
    );
  });

  it('sees new mail by polling on a NetEase account (no IDLE)', async () => {
    const sent = performance.now();
    await deliverMessage({
      from: 'someone@example.test',
      to: netease.mailUser.address,
      raw: rawMessage({ subject: 'Found by polling' }, netease.mailUser.address),
    });
    await waitFor(
      async () => (await messagesWithSubject(netease.accountId, 'Found by polling')).length === 1,
      'poll',
      10_000,
    );
    console.info(
      `[measure] 163 delivery → mirror via 500 ms polling: ${Math.round(performance.now() - sent)} ms`,
    );
  });

  it('marks a message read on the server exactly once through the queue', async () => {
    const [note] = await messagesWithSubject(netease.accountId, 'Unread note');
    if (!note) throw new Error('no note');
    // what the web app does: change the mirror and queue the server write in one transaction
    await testDb.db.transaction(async (tx) => {
      await tx
        .update(message)
        .set({ seen: true, flags: sql`array_append(${message.flags}, '\\Seen')` })
        .where(and(eq(message.accountId, netease.accountId), eq(message.id, note.id)));
      await enqueueImapOp(tx, {
        accountId: netease.accountId,
        kind: 'set_flags',
        payload: { mailboxId: note.mailboxId, uids: [note.uid], add: ['\\Seen'] },
      });
    });
    const op = await waitFor(async () => {
      const [row] = await testDb.db
        .select()
        .from(pendingImapOp)
        .where(eq(pendingImapOp.accountId, netease.accountId));
      return row?.state === 'done' ? row : null;
    }, 'op applied');
    expect(op.attempts).toBe(1);
    const flags = await serverFlags(netease.mailUser, 'INBOX');
    expect(flags.get(note.uid)).toContain('\\Seen');
    // the next sync leaves the read state alone (the mirror and the server agree)
    const [after] = await messagesWithSubject(netease.accountId, 'Unread note');
    expect(after?.seen).toBe(true);
  });

  it('sends queued mail once; the QQ provider files the only Sent copy', async () => {
    const subject = `Hello from QQ ${Date.now()}`;
    const { id } = await testDb.db.transaction((tx) =>
      queueOutgoingMail(tx, {
        accountId: qq.accountId,
        draft: {
          to: [{ name: 'Bob', address: netease.mailUser.address }],
          cc: [],
          subject,
          text: '你好，世界',
        },
      }),
    );
    await waitFor(
      async () => (await messagesWithSubject(netease.accountId, subject)).length === 1,
      'recipient gets it',
      20_000,
    );
    const [row] = await testDb.db.select().from(outgoingMail).where(eq(outgoingMail.id, id));
    expect(row?.state).toBe('sent');
    expect(row?.attempts).toBe(1);
    await waitFor(
      async () => (await messagesWithSubject(qq.accountId, subject, 'sent')).length === 1,
      'Sent copy',
    );
    const sentBox = await inboxRow(qq.accountId, 'sent');
    const server = await serverFlags(qq.mailUser, sentBox?.path ?? '');
    expect(server.size).toBe(1);
    expect(await messagesWithSubject(qq.accountId, subject, 'sent')).toHaveLength(1);
  });

  it('APPENDs the Sent copy itself for a custom provider, exactly once', async () => {
    const subject = `Hello from Dovecot ${Date.now()}`;
    await testDb.db.transaction((tx) =>
      queueOutgoingMail(tx, {
        accountId: custom.accountId,
        draft: {
          to: [{ name: 'Carol', address: qq.mailUser.address }],
          cc: [],
          subject,
          text: 'plain',
        },
      }),
    );
    await waitFor(
      async () => (await messagesWithSubject(custom.accountId, subject, 'sent')).length === 1,
      'Sent copy',
      20_000,
    );
    await waitFor(
      async () => (await messagesWithSubject(qq.accountId, subject)).length === 1,
      'recipient gets it',
      20_000,
    );
    const sentBox = await inboxRow(custom.accountId, 'sent');
    const server = await serverFlags(custom.mailUser, sentBox?.path ?? '');
    expect(server.size).toBe(1);
    const ops = await testDb.db
      .select()
      .from(pendingImapOp)
      .where(eq(pendingImapOp.accountId, custom.accountId));
    expect(ops.map((op) => [op.kind, op.state])).toEqual([['append', 'done']]);
  });
});
