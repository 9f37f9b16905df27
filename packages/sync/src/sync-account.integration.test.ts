import { and, asc, eq, mailAccount, mailbox, message, messageBody } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncAccount } from './sync-account';
import {
  GBK_SUBJECT,
  GBK_SUBJECT_TEXT,
  linkTestAccount,
  type SeedMessage,
  secretBox,
  seedFolder,
  serverFlags,
  type TestAccount,
  waitFor,
  withDovecot,
} from './test-stack.integration-helpers';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n, 8));

function inboxSeed(): SeedMessage[] {
  return [
    {
      subject: 'Lunch on Friday',
      messageId: '<lunch@example.test>',
      date: day(1),
      flags: ['\\Seen'],
    },
    { subject: 'GBK', rawSubject: GBK_SUBJECT, date: day(2), flags: ['\\Flagged'] },
    { subject: 'Re: Lunch on Friday', inReplyTo: '<lunch@example.test>', date: day(3) },
    { subject: '回复: 会议纪要', date: day(4), flags: ['\\Seen', '\\Flagged'] },
    ...Array.from({ length: 26 }, (_, i) => ({ subject: `Newsletter ${i}`, date: day(5 + i) })),
  ];
}

async function mirrorOf(accountId: string, path: string) {
  const db = testDb.db;
  const [box] = await db
    .select()
    .from(mailbox)
    .where(and(eq(mailbox.accountId, accountId), eq(mailbox.path, path)));
  if (!box) throw new Error(`no mailbox ${path}`);
  const rows = await db
    .select()
    .from(message)
    .where(and(eq(message.accountId, accountId), eq(message.mailboxId, box.id)))
    .orderBy(asc(message.uid));
  return { box, rows };
}

async function expectMirrorEqualsServer(account: TestAccount, path: string) {
  const server = await serverFlags(account.mailUser, path);
  const { box, rows } = await mirrorOf(account.accountId, path);
  expect(rows.map((r) => r.uid)).toEqual([...server.keys()].sort((a, b) => a - b));
  for (const row of rows) expect([...row.flags].sort()).toEqual(server.get(row.uid));
  expect(box.totalCount).toBe(server.size);
  expect(box.unreadCount).toBe([...server.values()].filter((f) => !f.includes('\\Seen')).length);
}

describe.each([
  { preset: 'qq' as const, inbox: 'INBOX', sent: 'Sent Messages', trash: 'Deleted Messages' },
  { preset: '163' as const, inbox: 'INBOX', sent: '已发送', trash: '已删除' },
  // raw Dovecot: SPECIAL-USE and CONDSTORE, so changes arrive through CHANGEDSINCE
  { preset: 'custom' as const, inbox: 'INBOX', sent: 'Sent Messages', trash: 'Deleted Messages' },
])('first sync of a $preset account', ({ preset, inbox, sent, trash }) => {
  let account: TestAccount;

  beforeAll(async () => {
    account = await linkTestAccount(testDb.db, preset);
    await seedFolder(account.mailUser, inbox, inboxSeed());
    await seedFolder(account.mailUser, sent, [
      { subject: 'My report', date: day(2), flags: ['\\Seen'] },
    ]);
    const started = performance.now();
    await syncAccount({ db: testDb.db, accountId: account.accountId, secretBox });
    console.info(
      `[measure] ${preset} first sync of 31 messages: ${Math.round(performance.now() - started)} ms`,
    );
  });

  it('mirrors every message with the flags the server has', async () => {
    await expectMirrorEqualsServer(account, inbox);
    await expectMirrorEqualsServer(account, sent);
  });

  it('detects the folder roles of the provider', async () => {
    const rows = await testDb.db
      .select()
      .from(mailbox)
      .where(eq(mailbox.accountId, account.accountId));
    const role = (path: string) => rows.find((r) => r.path === path)?.role;
    expect(role(inbox)).toBe('inbox');
    expect(role(sent)).toBe('sent');
    expect(role(trash)).toBe('trash');
  });

  it('shows a preview of each message without downloading its body', async () => {
    const { rows } = await mirrorOf(account.accountId, inbox);
    const lunch = rows.find((r) => r.subject === 'Lunch on Friday');
    expect(lunch?.snippet).toBe('Body of Lunch on Friday');
    const bodies = await testDb.db.select().from(messageBody);
    expect(bodies).toHaveLength(0);
  });

  it('decodes GBK subjects and groups replies into threads', async () => {
    const { rows } = await mirrorOf(account.accountId, inbox);
    expect(rows.map((r) => r.subject)).toContain(GBK_SUBJECT_TEXT);
    const lunch = rows.filter((r) => r.subject.endsWith('Lunch on Friday'));
    expect(lunch).toHaveLength(2);
    expect(lunch[0]?.threadId).toBeTruthy();
    expect(lunch[0]?.threadId).toBe(lunch[1]?.threadId);
    const searchable = await testDb.db.execute(
      `select count(*)::int as n from message where account_id = '${account.accountId}'
         and search_document @@ to_tsquery('simple', '进度')`,
    );
    expect((searchable as unknown as { rows: Array<{ n: number }> }).rows[0]?.n).toBe(1);
  });

  it('marks the account ok with full progress', async () => {
    const [row] = await testDb.db
      .select()
      .from(mailAccount)
      .where(eq(mailAccount.id, account.accountId));
    expect(row?.status).toBe('ok');
    expect(row?.syncProgress).toBe(100);
  });

  it('follows new mail, expunges and flag changes made elsewhere', async () => {
    const before = await serverFlags(account.mailUser, inbox);
    const [first, second] = [...before.keys()];
    await withDovecot(account.mailUser, async (client) => {
      const lock = await client.getMailboxLock(inbox);
      try {
        await client.messageFlagsAdd(String(first), ['\\Flagged'], { uid: true });
        await client.messageDelete(String(second), { uid: true });
      } finally {
        lock.release();
      }
    });
    await seedFolder(account.mailUser, inbox, [{ subject: 'Fresh news', date: day(40) }]);
    await syncAccount({ db: testDb.db, accountId: account.accountId, secretBox });
    await expectMirrorEqualsServer(account, inbox);
    const { rows } = await mirrorOf(account.accountId, inbox);
    expect(rows.map((r) => r.subject)).toContain('Fresh news');
  });
});

describe('a UIDVALIDITY change', () => {
  it('rebuilds the folder from the server (RFC 3501 §2.3.1.1)', async () => {
    const account = await linkTestAccount(testDb.db, 'custom');
    await withDovecot(account.mailUser, (client) => client.mailboxCreate('Projects'));
    await seedFolder(account.mailUser, 'Projects', [
      { subject: 'Old plan' },
      { subject: 'Old budget' },
    ]);
    await syncAccount({ db: testDb.db, accountId: account.accountId, secretBox });
    const before = await mirrorOf(account.accountId, 'Projects');
    expect(before.rows.map((r) => r.subject)).toEqual(['Old plan', 'Old budget']);

    // deleting and re-creating a folder gives it a new UIDVALIDITY, with UIDs from 1 again
    await withDovecot(account.mailUser, async (client) => {
      await client.mailboxDelete('Projects');
      await client.mailboxCreate('Projects');
    });
    await seedFolder(account.mailUser, 'Projects', [{ subject: 'New plan' }]);
    await syncAccount({ db: testDb.db, accountId: account.accountId, secretBox });

    const after = await mirrorOf(account.accountId, 'Projects');
    expect(after.box.uidValidity).not.toBe(before.box.uidValidity);
    expect(after.rows.map((r) => r.subject)).toEqual(['New plan']);
    await expectMirrorEqualsServer(account, 'Projects');
  });
});

describe('a large folder', () => {
  it('fills newest-first in windows until the mirror equals the server', async () => {
    const account = await linkTestAccount(testDb.db, 'custom');
    const count = 1500;
    await seedFolder(
      account.mailUser,
      'INBOX',
      Array.from({ length: count }, (_, i) => ({ subject: `Message ${i}`, date: day(i % 300) })),
    );
    const started = performance.now();
    const syncing = syncAccount({ db: testDb.db, accountId: account.accountId, secretBox });
    // the newest page is visible while the rest fills in behind it
    const firstPage = await waitFor(async () => {
      const { rows } = await mirrorOf(account.accountId, 'INBOX').catch(() => ({ rows: [] }));
      return rows.length > 0 ? { ms: performance.now() - started, rows } : null;
    }, 'first page');
    expect(Math.max(...firstPage.rows.map((r) => r.uid))).toBe(count);
    await syncing;
    const seconds = (performance.now() - started) / 1000;
    console.info(`[measure] first page of ${count} visible after ${Math.round(firstPage.ms)} ms`);
    console.info(
      `[measure] first sync of ${count} messages: ${seconds.toFixed(2)} s (${Math.round(count / seconds)} msg/s)`,
    );
    const { box, rows } = await mirrorOf(account.accountId, 'INBOX');
    expect(rows).toHaveLength(count);
    expect(box.firstSyncDone).toBe(true);
    expect(box.lowestSyncedUid).toBe(1);
  });
});

describe('a rejected authorization code', () => {
  it('leaves the account in auth_failed with the reason and when it happened', async () => {
    const account = await linkTestAccount(testDb.db, '163');
    await testDb.db
      .update(mailAccount)
      .set({ secretSealed: secretBox.seal('not-the-auth-code') })
      .where(eq(mailAccount.id, account.accountId));
    await expect(
      syncAccount({ db: testDb.db, accountId: account.accountId, secretBox }),
    ).rejects.toThrow();
    const [row] = await testDb.db
      .select()
      .from(mailAccount)
      .where(eq(mailAccount.id, account.accountId));
    expect(row?.status).toBe('auth_failed');
    expect(row?.lastError).toMatch(/授权码/);
    expect(row?.lastErrorCode).toBe('AUTH_FAILED');
    expect(row?.lastErrorAt).toBeInstanceOf(Date);
  });
});
