/**
 * Search and the unified inbox as a person with a QQ and a NetEase mailbox uses them: mail
 * delivered to the local qq.test and 163.test servers, mirrored and body-indexed by the
 * sync engine, searched through messages.list.
 */
import crypto from 'node:crypto';
import { eq, mailAccount, user } from '@youjian/db';
import { closeImap, openImap } from '@youjian/mail';
import { appendMessage, createMailUser, type MailUser } from '@youjian/mailstack';
import { accountCredentials, indexBodies, syncAccount } from '@youjian/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './test-support.integration-helpers';

let api: TestApi;
let userId: string;
let alice: MailUser;
let bob: MailUser;
const accountOf: Record<string, string> = {};
const run = Date.now().toString(36);

const b64 = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;

function mail(o: { from: string; to: string; subject: string; body: string; file?: string }) {
  const boundary = `b-${run}`;
  const text = [
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(o.body).toString('base64'),
  ];
  return [
    `From: ${o.from}`,
    `To: ${o.to}`,
    `Subject: ${b64(o.subject)}`,
    'Date: Mon, 03 Jun 2024 09:00:00 +0800',
    `Message-ID: <${crypto.randomUUID()}@example.test>`,
    'MIME-Version: 1.0',
    ...(o.file
      ? [
          `Content-Type: multipart/mixed; boundary="${boundary}"`,
          '',
          `--${boundary}`,
          ...text,
          `--${boundary}`,
          'Content-Type: application/octet-stream',
          `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(o.file)}`,
          'Content-Transfer-Encoding: base64',
          '',
          Buffer.from('bytes').toString('base64'),
          `--${boundary}--`,
        ]
      : text),
    '',
  ].join('\r\n');
}

async function mirror(mailUser: MailUser) {
  const db = api.database.db;
  const accountId = accountOf[mailUser.address] ?? '';
  await syncAccount({ db, accountId, secretBox: api.secretBox });
  const [account] = await db.select().from(mailAccount).where(eq(mailAccount.id, accountId));
  if (!account) throw new Error('no account');
  const client = await openImap(accountCredentials(account, api.secretBox));
  try {
    await indexBodies({ db, client, accountId, userId, shouldPause: () => false });
  } finally {
    await closeImap(client);
  }
}

/** A search as the web app makes it: the first page, then the search noted as recent. */
const subjectsFor = async (query: string, timeZone = 'Asia/Shanghai') => {
  const caller = api.callerFor(userId);
  const page = await caller.messages.list({ query, timeZone });
  await caller.messages.rememberSearch({ query });
  return page.items.map((item) => item.subject).sort();
};

beforeAll(async () => {
  api = await createTestApi();
  [alice, bob] = await Promise.all([createMailUser('qq.test'), createMailUser('163.test')]);
  userId = crypto.randomUUID();
  await api.database.db
    .insert(user)
    .values({ id: userId, name: 'Searcher', email: `${userId}@example.test` });
  const caller = api.callerFor(userId);
  for (const [mailUser, provider] of [
    [alice, 'qq'],
    [bob, '163'],
  ] as const) {
    const linked = await caller.accounts.link({
      provider,
      address: mailUser.address,
      authCode: mailUser.authCode,
    });
    accountOf[mailUser.address] = linked.id;
  }
  await appendMessage(
    alice,
    'INBOX',
    mail({
      from: `${b64('王芳')} <wang@corp.test>`,
      to: alice.address,
      subject: '下周会议安排',
      body: '请准备发票和报销单。',
      file: '预算表.xlsx',
    }),
  );
  await appendMessage(
    alice,
    'INBOX',
    mail({
      from: 'Mia Wilson <mia.wilson15@foxmail.test>',
      to: alice.address,
      subject: 'Q3报告 draft',
      body: 'Numbers for 2024 inside.',
    }),
    ['\\Seen', '\\Flagged'],
  );
  await appendMessage(
    bob,
    'INBOX',
    mail({
      from: `${b64('李雷')} <li@corp.test>`,
      to: bob.address,
      subject: 'Lunch',
      body: '发票已经寄出，请查收。',
    }),
    ['\\Seen'],
  );
  await appendMessage(
    bob,
    'INBOX',
    mail({
      from: 'wang@corp.test',
      to: `${bob.address}, ${alice.address}`,
      subject: 'Weekly',
      body: 'Nothing to see.',
    }),
    ['\\Seen'],
  );
  await Promise.all([mirror(alice), mirror(bob)]);
});

afterAll(async () => {
  await api?.close();
});

describe('All inboxes', () => {
  it('lists the mail of both mailboxes newest first, each row naming its mailbox', async () => {
    const page = await api.callerFor(userId).messages.list({});
    expect(page.items.map((item) => [item.subject, item.account.address]).sort()).toEqual(
      [
        ['Lunch', bob.address],
        ['Q3报告 draft', alice.address],
        ['Weekly', bob.address],
        ['下周会议安排', alice.address],
      ].sort(),
    );
  });
});

describe('search through messages.list', () => {
  it('finds a two-character Chinese word in the bodies of both mailboxes', async () => {
    expect(await subjectsFor('发票')).toEqual(['Lunch', '下周会议安排']);
  });

  it('narrows by sender: whole address, local part, domain and name', async () => {
    expect(await subjectsFor('from:wang@corp.test')).toEqual(['Weekly', '下周会议安排']);
    expect(await subjectsFor('from:wang')).toEqual(['Weekly', '下周会议安排']);
    expect(await subjectsFor('from:@foxmail.test')).toEqual(['Q3报告 draft']);
    expect(await subjectsFor('from:李雷')).toEqual(['Lunch']);
    expect(await subjectsFor('wilson15@fox')).toEqual(['Q3报告 draft']);
  });

  it('narrows by recipient, subject, flags and attachment', async () => {
    expect(await subjectsFor(`to:${bob.address}`)).toEqual(['Lunch', 'Weekly']);
    expect(await subjectsFor('subject:会议')).toEqual(['下周会议安排']);
    expect(await subjectsFor('has:attachment')).toEqual(['下周会议安排']);
    expect(await subjectsFor('is:unread')).toEqual(['下周会议安排']);
    expect(await subjectsFor('is:starred')).toEqual(['Q3报告 draft']);
    expect(await subjectsFor('is:read -is:starred')).toEqual(['Lunch', 'Weekly']);
  });

  it('narrows by folder and by mailbox, and excludes with a minus', async () => {
    expect(await subjectsFor('in:inbox 发票')).toEqual(['Lunch', '下周会议安排']);
    expect(await subjectsFor(`account:${bob.address} 发票`)).toEqual(['Lunch']);
    expect(await subjectsFor('-发票')).toEqual(['Q3报告 draft', 'Weekly']);
  });

  it('finds mixed text, numbers and quoted phrases', async () => {
    expect(await subjectsFor('Q3报告')).toEqual(['Q3报告 draft']);
    expect(await subjectsFor('2024')).toEqual(['Q3报告 draft']);
    expect(await subjectsFor('"nothing to see"')).toEqual(['Weekly']);
    expect(await subjectsFor('"to nothing"')).toEqual([]);
  });

  it('reads before: and after: as days in the user time zone', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(),
    );
    expect(await subjectsFor(`after:${today} 发票`)).toEqual(['Lunch', '下周会议安排']);
    expect(await subjectsFor(`before:${today} 发票`)).toEqual([]);
  });

  it('finds an attachment by file name once the message was opened', async () => {
    const caller = api.callerFor(userId);
    const [withFile] = (await caller.messages.list({ query: 'has:attachment' })).items;
    if (!withFile) throw new Error('no message with an attachment');
    await caller.messages.get({ accountId: withFile.accountId, messageId: withFile.id });
    expect(await subjectsFor('filename:预算表')).toEqual(['下周会议安排']);
  });

  it('answers invalid search text with a clear message', async () => {
    await expect(subjectsFor('is:important')).rejects.toThrow(/is: takes unread, read or starred/);
    await expect(subjectsFor('in:nowhere')).rejects.toThrow(/No folder is called "nowhere"/);
    await expect(subjectsFor('发票', 'Mars/Olympus')).rejects.toThrow(/not a time zone/);
  });

  it('offers the last searches again, newest first', async () => {
    await subjectsFor('报销');
    const recent = await api.callerFor(userId).messages.recentSearches();
    expect(recent.slice(0, 2)).toEqual(['报销', 'filename:预算表']);
    // the eight newest are kept; the first searches of this file have been forgotten
    expect(recent).toHaveLength(8);
    expect(recent).not.toContain('发票');
  });

  it('lists without writing: only rememberSearch notes a search', async () => {
    const caller = api.callerFor(userId);
    const before = await caller.messages.recentSearches();
    await caller.messages.list({ query: '会议 -报销' });
    expect(await caller.messages.recentSearches()).toEqual(before);
    await caller.messages.rememberSearch({ query: '会议 -报销' });
    expect((await caller.messages.recentSearches())[0]).toBe('会议 -报销');
  });
});
