import type { TRPCError } from '@trpc/server';
import { eq, messageBody, outgoingMail, pendingImapOp, publishMailEvent } from '@youjian/db';
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
let mallory: string;
let aliceMail: { accountId: string; inboxId: string };
let aliceMessage: string;

beforeAll(async () => {
  api = await createTestApi();
  alice = await createProductUser(api, 'alice@example.test');
  mallory = await createProductUser(api, 'mallory@example.test');
  aliceMail = await seedMailbox(api, alice, 'alice@qq.test');
  aliceMessage = await seedMessage(api, aliceMail, {
    uid: 1,
    subject: '季度报告',
    receivedAt: '2024-05-01 09:00:00+08',
  });
  // the body as the first open cached it, so reading needs no provider
  await api.database.db.insert(messageBody).values({
    accountId: aliceMail.accountId,
    messageId: aliceMessage,
    html: null,
    text: '各位好，明天下午三点开会。',
  });
});

afterAll(async () => {
  await api?.close();
});

describe("a user cannot read or change another user's mail", () => {
  it('lists only the mailboxes of the signed-in user', async () => {
    expect(await api.callerFor(mallory).accounts.list()).toEqual([]);
    const own = await api.callerFor(alice).accounts.list();
    expect(own.map((account) => account.address)).toEqual(['alice@qq.test']);
  });

  it("returns no messages for another user's account or folder ids", async () => {
    // refused as unknown, or answered with nothing: never Alice's rows
    const page = await api
      .callerFor(mallory)
      .messages.list({ accountId: aliceMail.accountId, mailboxId: aliceMail.inboxId })
      .catch((error: TRPCError) => {
        expect(error.code).toBe('NOT_FOUND');
        return { items: [] };
      });
    expect(page.items).toEqual([]);
    const search = await api.callerFor(mallory).messages.list({ query: '报告' });
    expect(search.items).toEqual([]);
  });

  it("answers NOT_FOUND for another user's message and leaves it unread", async () => {
    const error = await errorOf(
      api
        .callerFor(mallory)
        .messages.get({ accountId: aliceMail.accountId, messageId: aliceMessage }),
    );
    expect(error.code).toBe('NOT_FOUND');
    const [stillUnread] = (
      await api.callerFor(alice).messages.list({ mailboxId: aliceMail.inboxId })
    ).items;
    expect(stillUnread?.seen).toBe(false);
  });

  it("refuses to flag, send from, or remove another user's mailbox", async () => {
    const caller = api.callerFor(mallory);
    const { accountId } = aliceMail;
    const attempts = [
      () => caller.messages.setFlags({ accountId, messageIds: [aliceMessage], flagged: true }),
      () =>
        caller.messages.send({
          accountId,
          to: 'x@example.test',
          cc: '',
          subject: 'hi',
          text: 'hi',
        }),
      () => caller.accounts.remove({ accountId }),
    ];
    for (const attempt of attempts) expect((await errorOf(attempt())).code).toBe('NOT_FOUND');
    const db = api.database.db;
    expect(await db.select().from(pendingImapOp)).toEqual([]);
    expect(await db.select().from(outgoingMail)).toEqual([]);
    expect(await api.callerFor(alice).accounts.list()).toHaveLength(1);
  });

  it("refuses to move, delete, archive or mark spam another user's messages, or touch their folders", async () => {
    const caller = api.callerFor(mallory);
    const { accountId, inboxId } = aliceMail;
    const messageIds = [aliceMessage];
    const attempts = [
      () => caller.messages.move({ accountId, messageIds, toMailboxId: inboxId }),
      () => caller.messages.delete({ accountId, messageIds }),
      () => caller.messages.archive({ accountId, messageIds }),
      () => caller.messages.markSpam({ accountId, messageIds }),
      () => caller.messages.markNotSpam({ accountId, messageIds }),
      () => caller.folders.create({ accountId, name: 'Stolen' }),
      () => caller.folders.rename({ accountId, folderId: inboxId, name: 'Stolen' }),
      () => caller.folders.delete({ accountId, folderId: inboxId }),
    ];
    for (const attempt of attempts) expect((await errorOf(attempt())).code).toBe('NOT_FOUND');
    expect(await api.database.db.select().from(pendingImapOp)).toEqual([]);
    const [account] = await api.callerFor(alice).accounts.list();
    expect(account?.folders.map((folder) => folder.path)).toEqual(['INBOX']);
    const page = await api.callerFor(alice).messages.list({ mailboxId: inboxId });
    expect(page.items.map((item) => item.id)).toEqual([aliceMessage]);
  });

  it("cannot move its own messages into another user's folder", async () => {
    const malloryMail = await seedMailbox(api, mallory, 'mallory@163.test');
    const own = await seedMessage(api, malloryMail, {
      uid: 1,
      subject: 'mine',
      receivedAt: '2024-05-02 09:00:00+08',
    });
    const error = await errorOf(
      api.callerFor(mallory).messages.move({
        accountId: malloryMail.accountId,
        messageIds: [own],
        toMailboxId: aliceMail.inboxId,
      }),
    );
    expect(error.code).toBe('NOT_FOUND');
    // and naming Alice's message under Mallory's own account moves nothing
    const moved = await api.callerFor(mallory).messages.move({
      accountId: malloryMail.accountId,
      messageIds: [aliceMessage],
      toMailboxId: malloryMail.inboxId,
    });
    expect(moved.changed).toBe(0);
    expect(await api.database.db.select().from(pendingImapOp)).toEqual([]);
  });

  it('rejects every call without a session', async () => {
    expect((await errorOf(api.callerFor(null).accounts.list())).code).toBe('UNAUTHORIZED');
  });

  it('never returns the sealed authorization code', async () => {
    const listed = JSON.stringify(await api.callerFor(alice).accounts.list());
    expect(listed).not.toContain('secret');
    expect(listed).not.toContain('v1.');
  });

  it('pushes live events only to the user they belong to', async () => {
    const abort = new AbortController();
    const stream = await api.callerFor(alice, abort.signal).events.onMailEvent();
    const first = stream[Symbol.asyncIterator]().next();
    let received = false;
    void first.then(() => {
      received = true;
    });
    // LISTEN starts with the first read; publish until it is in place
    for (let attempt = 0; attempt < 50 && !received; attempt++) {
      await publishMailEvent(api.database.db.$client, {
        kind: 'account_changed',
        userId: mallory,
        accountId: 'not-alice',
      });
      await publishMailEvent(api.database.db.$client, {
        kind: 'account_changed',
        userId: alice,
        accountId: aliceMail.accountId,
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { value } = await first;
    abort.abort();
    expect(value).toEqual({
      kind: 'account_changed',
      userId: alice,
      accountId: aliceMail.accountId,
    });
  });
});

describe('reading and flagging', () => {
  it('opening a message shows its text and changes nothing: a query is a GET', async () => {
    const opened = await api
      .callerFor(alice)
      .messages.get({ accountId: aliceMail.accountId, messageId: aliceMessage });
    expect(opened.subject).toBe('季度报告');
    expect(opened.body.text).toBe('各位好，明天下午三点开会。');
    expect(opened.seen).toBe(false);

    const [listed] = (await api.callerFor(alice).messages.list({ mailboxId: aliceMail.inboxId }))
      .items;
    expect(listed?.seen).toBe(false);
    expect(await api.database.db.select().from(pendingImapOp)).toEqual([]);
  });

  it('marking it read (the mutation the reading pane sends) queues \\Seen once', async () => {
    for (let time = 0; time < 2; time++) {
      await api.callerFor(alice).messages.setFlags({
        accountId: aliceMail.accountId,
        messageIds: [aliceMessage],
        seen: true,
      });
    }
    const [listed] = (await api.callerFor(alice).messages.list({ mailboxId: aliceMail.inboxId }))
      .items;
    expect(listed?.seen).toBe(true);
    const ops = await api.database.db
      .select()
      .from(pendingImapOp)
      .where(eq(pendingImapOp.accountId, aliceMail.accountId));
    expect(ops).toHaveLength(1);
    expect(ops[0]?.kind).toBe('set_flags');
    expect(ops[0]?.payload).toMatchObject({
      mailboxId: aliceMail.inboxId,
      uids: [1],
      add: ['\\Seen'],
      remove: [],
    });
  });

  it('starring updates the mirror and queues \\Flagged', async () => {
    const result = await api.callerFor(alice).messages.setFlags({
      accountId: aliceMail.accountId,
      messageIds: [aliceMessage],
      flagged: true,
    });
    expect(result.changed).toBe(1);
    const [listed] = (await api.callerFor(alice).messages.list({ mailboxId: aliceMail.inboxId }))
      .items;
    expect(listed?.flagged).toBe(true);
    const ops = await api.database.db.select().from(pendingImapOp);
    expect(ops.at(-1)?.payload).toMatchObject({ add: ['\\Flagged'], uids: [1] });
  });

  it('queues a message to send and reports it as queued', async () => {
    const caller = api.callerFor(alice);
    const { id } = await caller.messages.send({
      accountId: aliceMail.accountId,
      to: 'Bob <bob@163.test>',
      cc: '',
      subject: '你好',
      text: '正文',
    });
    const status = await caller.messages.outgoingStatus({ accountId: aliceMail.accountId, id });
    expect(status).toEqual({ state: 'queued', problem: null });
  });

  it('names the recipient that is not an address', async () => {
    const error = await errorOf(
      api.callerFor(alice).messages.send({
        accountId: aliceMail.accountId,
        to: 'bob',
        cc: '',
        subject: 's',
        text: 't',
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('"bob" is not an e-mail address.');
  });
});
