/**
 * Reading message sources over one lingering session per account: bodies opened one
 * after another (and their attachments) share a login, the session holds exactly one of
 * the account's connection slots while it lives, and a session the server dropped is
 * replaced on the next open.
 */
import { and, eq, message, sql } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { doveadm } from '@youjian/mailstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAttachment } from './load-attachment';
import { loadMessageBody } from './load-message-body';
import { closeReadingSessions, MAX_SESSIONS } from './reading-session';
import { syncAccount } from './sync-account';
import {
  linkTestAccount,
  secretBox,
  type TestAccount,
  withDovecot,
} from './test-stack.integration-helpers';

const SUBJECTS = ['第一封 one', '第二封 two', '第三封 three', '第四封 four'];

function mail(subject: string): string {
  return [
    'From: Reader Test <reader@example.test>',
    'To: someone@qq.test',
    `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
    `Message-ID: <${encodeURIComponent(subject)}@reading.test>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `正文 ${subject}`,
    '--b',
    'Content-Type: text/plain; name="note.txt"',
    'Content-Disposition: attachment; filename="note.txt"',
    '',
    `attached to ${subject}`,
    '--b--',
    '',
  ].join('\r\n');
}

let testDb: TestDatabase;
let account: TestAccount;

async function idOf(subject: string): Promise<string> {
  const [row] = await testDb.db
    .select({ id: message.id })
    .from(message)
    .where(and(eq(message.accountId, account.accountId), eq(message.subject, subject)));
  if (!row) throw new Error(`no message ${subject}`);
  return row.id;
}

const open = async (subject: string) =>
  loadMessageBody({
    db: testDb.db,
    accountId: account.accountId,
    messageId: await idOf(subject),
    secretBox,
  });

/** Connection slots held in this test's database: one per open reading session. */
async function slotsHeld(): Promise<number> {
  const result = await testDb.db.execute<{ n: number }>(sql`select count(*)::int as n
    from pg_locks where locktype = 'advisory' and granted
      and database = (select oid from pg_database where datname = current_database())`);
  return result.rows[0]?.n ?? -1;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  account = await linkTestAccount(testDb.db, 'qq');
  await withDovecot(account.mailUser, async (client) => {
    for (const subject of SUBJECTS) await client.append('INBOX', mail(subject), []);
  });
  await syncAccount({ db: testDb.db, accountId: account.accountId, secretBox });
});
afterAll(async () => {
  await closeReadingSessions();
  await testDb?.drop();
});

describe('reading sessions', () => {
  it('open one message after another, and an attachment, on one session holding one slot', async () => {
    expect(await slotsHeld()).toBe(0);
    expect((await open(SUBJECTS[0] as string)).text).toContain(`正文 ${SUBJECTS[0]}`);
    expect(await slotsHeld()).toBe(1);
    expect((await open(SUBJECTS[1] as string)).text).toContain(`正文 ${SUBJECTS[1]}`);
    const attachment = await loadAttachment({
      db: testDb.db,
      accountId: account.accountId,
      messageId: await idOf(SUBJECTS[1] as string),
      index: 0,
      secretBox,
    });
    expect(Buffer.from(attachment.content).toString().trim()).toBe(`attached to ${SUBJECTS[1]}`);
    // a second session would hold a second slot while the first one lingers
    expect(await slotsHeld()).toBe(1);

    await closeReadingSessions();
    expect(await slotsHeld()).toBe(0);
  });

  it('replace a session the server dropped on the next open', async () => {
    await open(SUBJECTS[2] as string);
    expect(await slotsHeld()).toBe(1);
    await doveadm('kick', account.mailUser.address);
    // the dropped session frees its slot as soon as its socket closes
    await expect.poll(slotsHeld, { timeout: 5_000 }).toBe(0);
    expect((await open(SUBJECTS[3] as string)).text).toContain(`正文 ${SUBJECTS[3]}`);
    expect(await slotsHeld()).toBe(1);
    await closeReadingSessions();
  });

  it(`keep at most ${MAX_SESSIONS} open in a process: the longest idle one makes way`, async () => {
    const others = await Promise.all(
      Array.from({ length: MAX_SESSIONS + 1 }, () => linkTestAccount(testDb.db, 'qq')),
    );
    for (const other of others) {
      await withDovecot(other.mailUser, (client) => client.append('INBOX', mail('一封 each'), []));
      await syncAccount({ db: testDb.db, accountId: other.accountId, secretBox });
    }
    for (const other of others) {
      const [row] = await testDb.db
        .select({ id: message.id })
        .from(message)
        .where(eq(message.accountId, other.accountId));
      const body = await loadMessageBody({
        db: testDb.db,
        accountId: other.accountId,
        messageId: row?.id ?? '',
        secretBox,
      });
      expect(body.text).toContain('正文 一封 each');
    }
    await expect.poll(slotsHeld, { timeout: 5_000 }).toBe(MAX_SESSIONS);
  });
});
