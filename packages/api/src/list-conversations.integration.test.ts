/**
 * The conversation list and a conversation, as the mirror's threading groups mail: one row
 * per thread where its newest message in view falls, counted across folders so the user's
 * own replies in Sent are inside, keyset-paged, and only ever the signed-in user's.
 */
import { type MailAddress, mailbox, message, sql, thread } from '@youjian/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProductUser,
  createTestApi,
  seedMailbox,
  type TestApi,
} from './test-support.integration-helpers';

let api: TestApi;
let owner: string;
let stranger: string;
let alice: { accountId: string; inboxId: string; sentId: string; trashId: string };
let bob: { accountId: string; inboxId: string };
let nextUid = 1;

const ALICE: MailAddress = { name: 'Alice', address: 'alice@qq.test' };
const BOB: MailAddress = { name: 'Bob', address: 'bob@163.test' };
const CAROL: MailAddress = { name: 'Carol', address: 'carol@qq.test' };

async function folder(accountId: string, path: string, role: 'sent' | 'trash') {
  const [row] = await api.database.db
    .insert(mailbox)
    .values({ accountId, path, name: path, role, uidValidity: 1 })
    .returning({ id: mailbox.id });
  if (!row) throw new Error('folder not created');
  return row.id;
}

async function newThread(accountId: string, subjectKey: string) {
  const [row] = await api.database.db
    .insert(thread)
    .values({ accountId, subjectKey })
    .returning({ id: thread.id });
  if (!row) throw new Error('thread not created');
  return row.id;
}

async function mail(
  accountId: string,
  mailboxId: string,
  fields: {
    threadId: string | null;
    from: MailAddress;
    subject: string;
    at: string;
    /** the Date header, when it differs from the arrival */
    sentAt?: string;
    seen?: boolean;
    flagged?: boolean;
    attachment?: boolean;
    snippet?: string;
  },
) {
  const [row] = await api.database.db
    .insert(message)
    .values({
      accountId,
      mailboxId,
      uid: nextUid++,
      threadId: fields.threadId,
      subject: fields.subject,
      from: fields.from,
      to: [],
      snippet: fields.snippet ?? fields.subject,
      receivedAt: sql`${fields.at}::timestamptz`,
      sentAt: fields.sentAt ? sql`${fields.sentAt}::timestamptz` : null,
      seen: fields.seen ?? true,
      flagged: fields.flagged ?? false,
      hasAttachments: fields.attachment ?? false,
    })
    .returning({ id: message.id });
  if (!row) throw new Error('message not created');
  return row.id;
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await createTestApi();
  owner = await createProductUser(api, 'threads@example.test');
  stranger = await createProductUser(api, 'stranger@example.test');
  const aliceBox = await seedMailbox(api, owner, 'alice@qq.test');
  alice = {
    ...aliceBox,
    sentId: await folder(aliceBox.accountId, 'Sent Messages', 'sent'),
    trashId: await folder(aliceBox.accountId, 'Deleted Messages', 'trash'),
  };
  bob = await seedMailbox(api, owner, 'bob@163.test');
  const a = alice.accountId;

  // Budget: bob writes, alice answers from Sent, carol (starred, with a file) and bob again
  const budget = await newThread(a, 'budget');
  ids.budgetFirst = await mail(a, alice.inboxId, {
    threadId: budget,
    from: BOB,
    subject: 'Budget',
    at: '2024-05-01 08:00+00',
  });
  ids.budgetReply = await mail(a, alice.sentId, {
    threadId: budget,
    from: ALICE,
    subject: 'Re: Budget',
    at: '2024-05-01 09:00+00',
  });
  ids.budgetCarol = await mail(a, alice.inboxId, {
    threadId: budget,
    from: CAROL,
    subject: 'Re: Budget',
    at: '2024-05-01 10:00+00',
    flagged: true,
    attachment: true,
  });
  ids.budgetLast = await mail(a, alice.inboxId, {
    threadId: budget,
    from: BOB,
    subject: 'Re: Budget',
    at: '2024-05-03 08:00+00',
    seen: false,
    snippet: 'the last word on the budget',
  });
  ids.budgetBinned = await mail(a, alice.trashId, {
    threadId: budget,
    from: BOB,
    subject: 'Re: Budget',
    at: '2024-05-04 08:00+00',
  });

  // Lunch: in the inbox, then alice's answer in Sent is the newest message of the thread
  const lunch = await newThread(a, 'lunch');
  ids.lunch = await mail(a, alice.inboxId, {
    threadId: lunch,
    from: CAROL,
    subject: 'Lunch?',
    at: '2024-05-02 08:00+00',
  });
  ids.lunchReply = await mail(a, alice.sentId, {
    threadId: lunch,
    from: ALICE,
    subject: 'Re: Lunch?',
    at: '2024-05-05 08:00+00',
    snippet: 'yes, at noon',
  });

  // a message the threading never reached stands alone
  ids.alone = await mail(a, alice.inboxId, {
    threadId: null,
    from: BOB,
    subject: 'No thread',
    at: '2024-04-30 08:00+00',
  });
  ids.bobInbox = await mail(bob.accountId, bob.inboxId, {
    threadId: await newThread(bob.accountId, 'hello'),
    from: ALICE,
    subject: 'Hello bob',
    at: '2024-05-02 12:00+00',
  });
});

afterAll(async () => {
  await api?.close();
});

describe('conversation list', () => {
  it('lists each thread once, where its newest message in the folder falls', async () => {
    const page = await api
      .callerFor(owner)
      .conversations.list({ mailboxId: alice.inboxId, limit: 50 });
    expect(page.items.map((item) => item.subject)).toEqual(['Re: Budget', 'Lunch?', 'No thread']);
    expect(page.items[0]?.id).toBe(ids.budgetLast);
    expect(page.nextCursor).toBeNull();
  });

  it('counts the replies in Sent, leaves Trash out, and sums up markers and senders', async () => {
    const { items } = await api
      .callerFor(owner)
      .conversations.list({ mailboxId: alice.inboxId, limit: 50 });
    const [budget, lunch, alone] = items;
    expect(budget).toMatchObject({
      messageCount: 4,
      seen: false,
      flagged: true,
      hasAttachments: true,
      snippet: 'the last word on the budget',
      from: BOB,
    });
    expect(budget?.participants.map((p) => p.address)).toEqual([
      'bob@163.test',
      'alice@qq.test',
      'carol@qq.test',
    ]);
    // the actions of a row apply to the conversation's messages in this folder only
    expect(new Set(budget?.messageIds)).toEqual(
      new Set([ids.budgetFirst, ids.budgetCarol, ids.budgetLast]),
    );
    // alice's answer in Sent is the newest: its snippet and date stand for the row
    expect(lunch).toMatchObject({ messageCount: 2, seen: true, flagged: false });
    expect(lunch?.snippet).toBe('yes, at noon');
    expect(lunch?.receivedAt.toISOString()).toBe('2024-05-05T08:00:00.000Z');
    expect(lunch?.messageIds).toEqual([ids.lunch]);
    expect(alone).toMatchObject({ messageCount: 1, threadId: null, messageIds: [ids.alone] });
  });

  it('shows the thread in Sent too, and the trashed message in Trash', async () => {
    const caller = api.callerFor(owner);
    const sent = await caller.conversations.list({ mailboxId: alice.sentId, limit: 50 });
    expect(sent.items.map((item) => [item.id, item.messageCount])).toEqual([
      [ids.lunchReply, 2],
      [ids.budgetReply, 4],
    ]);
    const trash = await caller.conversations.list({ mailboxId: alice.trashId, limit: 50 });
    expect(trash.items.map((item) => [item.id, item.messageCount])).toEqual([
      [ids.budgetBinned, 5],
    ]);
  });

  it('groups per conversation in All inboxes, across mailboxes', async () => {
    const { items } = await api
      .callerFor(owner)
      .conversations.list({ view: 'all-inboxes', limit: 50 });
    expect(items.map((item) => [item.subject, item.account.address])).toEqual([
      ['Re: Budget', 'alice@qq.test'],
      ['Hello bob', 'bob@163.test'],
      ['Lunch?', 'alice@qq.test'],
      ['No thread', 'alice@qq.test'],
    ]);
  });

  it('groups the Unread and Starred views by the view’s own messages', async () => {
    const caller = api.callerFor(owner);
    const unread = await caller.conversations.list({ view: 'unread', limit: 50 });
    expect(unread.items.map((item) => item.id)).toEqual([ids.budgetLast]);
    const starred = await caller.conversations.list({ view: 'starred', limit: 50 });
    expect(starred.items.map((item) => [item.id, item.messageCount])).toEqual([
      [ids.budgetCarol, 4],
    ]);
  });

  it('pages by keyset: every conversation once, in order, whatever the page size', async () => {
    const threads = [];
    for (let n = 0; n < 30; n++) {
      const id = await newThread(bob.accountId, `paged ${n}`);
      threads.push(id);
      // two messages a thread, interleaved with the next thread's, some sharing a second
      for (const minute of [n * 2, n * 2 + 3]) {
        await mail(bob.accountId, bob.inboxId, {
          threadId: id,
          from: CAROL,
          subject: `paged ${n}`,
          at: `2024-06-01 08:${String(minute % 60).padStart(2, '0')}+00`,
        });
      }
    }
    const caller = api.callerFor(owner);
    const whole = await caller.conversations.list({ mailboxId: bob.inboxId, limit: 200 });
    expect(whole.items).toHaveLength(31);
    expect(new Set(whole.items.map((item) => item.threadId)).size).toBe(31);
    for (const limit of [1, 7, 30]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof caller.conversations.list>> =
          await caller.conversations.list({ mailboxId: bob.inboxId, limit, cursor });
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(whole.items.map((item) => item.id));
    }
  });

  it('answers another user as if the folder did not exist', async () => {
    const caller = api.callerFor(stranger);
    await expect(
      caller.conversations.list({ mailboxId: alice.inboxId, limit: 50 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const own = await caller.conversations.list({ limit: 50 });
    expect(own.items).toEqual([]);
  });
});

describe('one conversation', () => {
  it('holds every message oldest first, Sent included, Trash left out', async () => {
    const { messages } = await api
      .callerFor(owner)
      .conversations.get({ accountId: alice.accountId, messageId: ids.budgetLast ?? '' });
    expect(messages.map((m) => m.id)).toEqual([
      ids.budgetFirst,
      ids.budgetReply,
      ids.budgetCarol,
      ids.budgetLast,
    ]);
    expect(messages.map((m) => m.from?.name)).toEqual(['Bob', 'Alice', 'Carol', 'Bob']);
  });

  it('opened from Trash, includes the trashed message', async () => {
    const { messages } = await api
      .callerFor(owner)
      .conversations.get({ accountId: alice.accountId, messageId: ids.budgetBinned ?? '' });
    expect(messages).toHaveLength(5);
  });

  it('is a conversation of one for a message without a thread', async () => {
    const { messages } = await api
      .callerFor(owner)
      .conversations.get({ accountId: alice.accountId, messageId: ids.alone ?? '' });
    expect(messages.map((m) => m.id)).toEqual([ids.alone]);
  });

  it('is not found for another user', async () => {
    await expect(
      api
        .callerFor(stranger)
        .conversations.get({ accountId: alice.accountId, messageId: ids.budgetLast ?? '' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('a copy in Sent filed after the reply to it arrived', () => {
  it('still comes first, and the reply stands for the row', async () => {
    const box = await seedMailbox(api, owner, 'late@qq.test');
    const sentId = await folder(box.accountId, 'Sent', 'sent');
    const id = await newThread(box.accountId, 'plans');
    // written 08:00, filed in Sent at 08:30 (the provider's copy came late)
    const original = await mail(box.accountId, sentId, {
      threadId: id,
      from: ALICE,
      subject: 'Plans',
      at: '2024-07-01 08:30+00',
      sentAt: '2024-07-01 08:00+00',
    });
    const reply = await mail(box.accountId, box.inboxId, {
      threadId: id,
      from: BOB,
      subject: 'Re: Plans',
      at: '2024-07-01 08:10+00',
      sentAt: '2024-07-01 08:09+00',
      snippet: 'sounds good',
    });
    const caller = api.callerFor(owner);
    const { messages } = await caller.conversations.get({
      accountId: box.accountId,
      messageId: reply,
    });
    expect(messages.map((m) => m.id)).toEqual([original, reply]);
    const { items } = await caller.conversations.list({ mailboxId: box.inboxId, limit: 50 });
    expect(items.map((item) => [item.id, item.snippet, item.messageCount])).toEqual([
      [reply, 'sounds good', 2],
    ]);
    expect(items[0]?.participants.map((p) => p.address)).toEqual(['alice@qq.test', 'bob@163.test']);
  });
});
