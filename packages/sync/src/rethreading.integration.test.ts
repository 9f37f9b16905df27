/**
 * Conversations whose messages are mirrored out of order, through real Dovecot and the
 * real sync: replies mirrored before their original (the first sync goes newest first;
 * a Sent original is mirrored after the replies in INBOX) end up in their conversation
 * once the original arrives, and never in another conversation with the same subject.
 */
import crypto from 'node:crypto';
import { and, eq, message, thread } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncAccount } from './sync-account';
import {
  linkTestAccount,
  secretBox,
  type TestAccount,
  withDovecot,
} from './test-stack.integration-helpers';

let testDb: TestDatabase;
let account: TestAccount;

beforeAll(async () => {
  testDb = await createTestDatabase();
  account = await linkTestAccount(testDb.db, 'custom');
});
afterAll(async () => {
  await testDb?.drop();
});

const day = (n: number) => new Date(Date.UTC(2025, 2, n, 9));

interface Mail {
  key: string;
  from: string;
  to: string;
  subject: string;
  date: Date;
  inReplyTo?: string;
  references?: string;
}

const idOf = (key: string) => `<${key}@rethreading.example.test>`;

function raw(m: Mail): string {
  return [
    `From: ${m.from}`,
    `To: ${m.to}`,
    `Subject: =?UTF-8?B?${Buffer.from(m.subject).toString('base64')}?=`,
    `Date: ${m.date.toUTCString()}`,
    `Message-ID: ${idOf(m.key)}`,
    ...(m.inReplyTo ? [`In-Reply-To: ${m.inReplyTo}`] : []),
    ...(m.references ? [`References: ${m.references}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `${m.key}`,
    '',
  ].join('\r\n');
}

async function deliver(folder: string, mails: Mail[]) {
  await withDovecot(account.mailUser, async (client) => {
    for (const m of mails) await client.append(folder, raw(m), [], m.date);
  });
  await syncAccount({ db: testDb.db, accountId: account.accountId, secretBox });
}

/** key → the mirror's thread of that message */
async function threads(): Promise<Map<string, string | null>> {
  const rows = await testDb.db
    .select({ messageId: message.messageId, threadId: message.threadId })
    .from(message)
    .where(and(eq(message.accountId, account.accountId)));
  return new Map(
    rows.map((r) => [(r.messageId ?? '').replace(/^<|@.*$/g, ''), r.threadId] as const),
  );
}

describe('messages mirrored before their conversation', () => {
  it('files originals sent later under the replies of their own people, once mirrored', async () => {
    const me = account.mailUser.address;
    const tag = crypto.randomUUID().slice(0, 8);
    const subject = `周会 ${tag}`;
    // INBOX first: subject-only replies (no In-Reply-To, no References) of two people
    await deliver('INBOX', [
      {
        key: 'carol-reply',
        from: 'carol@corp.test',
        to: me,
        subject: `回复：${subject}`,
        date: day(3),
      },
      { key: 'bob-reply', from: 'bob@corp.test', to: me, subject: `Re: ${subject}`, date: day(10) },
    ]);
    const before = await threads();
    expect(before.get('bob-reply')).not.toBe(before.get('carol-reply'));
    // then the Sent originals: this week's to bob, last week's to carol, and an older one
    // to bob that nobody answered
    await deliver('Sent Messages', [
      { key: 'bob-old', from: me, to: 'bob@corp.test', subject, date: day(1) },
      { key: 'carol-original', from: me, to: 'carol@corp.test', subject, date: day(2) },
      { key: 'bob-original', from: me, to: 'bob@corp.test', subject, date: day(9) },
    ]);
    const after = await threads();
    expect(after.get('bob-original')).toBe(after.get('bob-reply'));
    expect(after.get('carol-original')).toBe(after.get('carol-reply'));
    expect(after.get('bob-reply')).not.toBe(after.get('carol-reply'));
    expect(after.get('bob-old')).not.toBe(after.get('bob-reply'));
    expect(after.get('bob-old')).not.toBe(after.get('carol-reply'));
  });

  it('keeps a reply mirrored before its parent in the conversation the parent joins', async () => {
    const me = account.mailUser.address;
    const tag = crypto.randomUUID().slice(0, 8);
    const subject = `预算 ${tag}`;
    await deliver('INBOX', [
      { key: `start-${tag}`, from: 'li@corp.test', to: me, subject, date: day(1) },
    ]);
    // the reply names only its parent, which the mirror does not have yet; it comes from
    // someone new under a changed subject, so nothing but the parent can place it
    await deliver('INBOX', [
      {
        key: `reply-${tag}`,
        from: 'wang@corp.test',
        to: me,
        subject: `答复: 预算修订 ${tag}`,
        date: day(5),
        inReplyTo: idOf(`parent-${tag}`),
      },
    ]);
    const replyThread = (await threads()).get(`reply-${tag}`);
    expect(replyThread).not.toBe((await threads()).get(`start-${tag}`));
    // the parent arrives, answering the conversation's first message
    await deliver('Sent Messages', [
      {
        key: `parent-${tag}`,
        from: me,
        to: 'li@corp.test',
        subject: `Re: ${subject}`,
        date: day(3),
        inReplyTo: idOf(`start-${tag}`),
        references: idOf(`start-${tag}`),
      },
    ]);
    const after = await threads();
    expect(after.get(`parent-${tag}`)).toBe(after.get(`start-${tag}`));
    expect(after.get(`reply-${tag}`)).toBe(after.get(`start-${tag}`));
    // the reply's own conversation is gone, not left empty in the conversation list
    const left = await testDb.db
      .select({ id: thread.id })
      .from(thread)
      .where(and(eq(thread.accountId, account.accountId), eq(thread.id, replyThread ?? '')));
    expect(left).toEqual([]);
  });
});
