import { and, eq, mailbox, message, messageBody, pendingImapOp, sql } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { closeImap, openImap } from '@youjian/mail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPendingOps } from './apply-pending-ops';
import { enqueueImapOp } from './enqueue-imap-op';
import { loadAttachment } from './load-attachment';
import { loadMessageBody } from './load-message-body';
import { closeReadingSessions } from './reading-session';
import { loadAccount, syncAccount } from './sync-account';
import {
  linkTestAccount,
  secretBox,
  serverFlags,
  type TestAccount,
  withDovecot,
} from './test-stack.integration-helpers';

const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const HTML_MAIL = [
  'From: Designer <designer@example.test>',
  'To: someone@qq.test',
  'Subject: Newsletter with pictures',
  'Message-ID: <pictures@example.test>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related; boundary="rel"',
  '',
  '--rel',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>你好 <img src="cid:logo@example.test"> <img src="https://tracker.example.test/p.png"></p><script>alert(1)</script>',
  '--rel',
  'Content-Type: image/png; name="logo.png"',
  'Content-ID: <logo@example.test>',
  'Content-Disposition: inline; filename="logo.png"',
  'Content-Transfer-Encoding: base64',
  '',
  PIXEL.toString('base64'),
  '--rel--',
  '',
].join('\r\n');

let testDb: TestDatabase;
let account: TestAccount;

async function inboxMessage(subject: string) {
  const [row] = await testDb.db
    .select()
    .from(message)
    .where(and(eq(message.accountId, account.accountId), eq(message.subject, subject)));
  if (!row) throw new Error(`no message ${subject}`);
  return row;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  account = await linkTestAccount(testDb.db, 'qq');
  await withDovecot(account.mailUser, (client) => client.append('INBOX', HTML_MAIL, []));
  await syncAccount({ db: testDb.db, accountId: account.accountId, secretBox });
});
afterAll(async () => {
  await closeReadingSessions();
  await testDb?.drop();
});

describe('the body cache', () => {
  it('fetches, sanitizes and caches a body on first open, with cid images served locally', async () => {
    const row = await inboxMessage('Newsletter with pictures');
    const body = await loadMessageBody({
      db: testDb.db,
      accountId: account.accountId,
      messageId: row.id,
      secretBox,
    });
    expect(body.html).toContain(`/api/attachments/${account.accountId}/${row.id}/0`);
    // the remote image is kept only as a data attribute the browser never loads
    expect(body.html).not.toMatch(/\ssrc="https:\/\/tracker/);
    expect(body.html).not.toContain('<script');
    expect(body.hasRemoteImages).toBe(true);
    // the logo is shown in place through cid:, so it is no attachment of the message
    // (issue 12: inline images the HTML uses are neither listed nor given a paperclip)
    expect(body.attachments).toEqual([]);

    const [cached] = await testDb.db
      .select()
      .from(messageBody)
      .where(eq(messageBody.messageId, row.id));
    expect(cached?.html).toBe(body.html);
    const after = await inboxMessage('Newsletter with pictures');
    expect(after.snippet).toContain('你好');
  });

  it('shows remote images only when asked, without caching them', async () => {
    const row = await inboxMessage('Newsletter with pictures');
    const body = await loadMessageBody({
      db: testDb.db,
      accountId: account.accountId,
      messageId: row.id,
      secretBox,
      allowRemoteImages: true,
    });
    expect(body.html).toContain('src="https://tracker.example.test/p.png"');
    const [cached] = await testDb.db
      .select()
      .from(messageBody)
      .where(eq(messageBody.messageId, row.id));
    expect(cached?.html).not.toMatch(/\ssrc="https:\/\/tracker/);
  });

  it('returns an attachment by its index', async () => {
    const row = await inboxMessage('Newsletter with pictures');
    const attachment = await loadAttachment({
      db: testDb.db,
      accountId: account.accountId,
      messageId: row.id,
      index: 0,
      secretBox,
    });
    expect(attachment.filename).toBe('logo.png');
    expect(Buffer.from(attachment.content).equals(PIXEL)).toBe(true);
  });
});

describe('the write-back queue', () => {
  it('undoes the mirror change and records the failure when the server refuses an op', async () => {
    const row = await inboxMessage('Newsletter with pictures');
    // the folder vanishes on the server behind the mirror's back: STORE can never succeed
    await testDb.db
      .update(mailbox)
      .set({ path: 'Vanished' })
      .where(and(eq(mailbox.accountId, account.accountId), eq(mailbox.id, row.mailboxId)));
    await testDb.db.transaction(async (tx) => {
      await tx
        .update(message)
        .set({ flagged: true, flags: sql`array_append(${message.flags}, '\\Flagged')` })
        .where(eq(message.id, row.id));
      await enqueueImapOp(tx, {
        accountId: account.accountId,
        kind: 'set_flags',
        payload: { mailboxId: row.mailboxId, uids: [row.uid], add: ['\\Flagged'] },
      });
    });
    const loaded = await loadAccount(testDb.db, account.accountId);
    if (!loaded) throw new Error('no account');
    const client = await openImap(account.creds);
    try {
      await applyPendingOps({ db: testDb.db, client, account: loaded });
    } finally {
      await closeImap(client);
    }
    const [op] = await testDb.db
      .select()
      .from(pendingImapOp)
      .where(eq(pendingImapOp.accountId, account.accountId));
    expect(op?.state).toBe('failed');
    expect(op?.lastError).toBeTruthy();
    const after = await inboxMessage('Newsletter with pictures');
    expect(after.flagged).toBe(false);
    expect(after.flags).not.toContain('\\Flagged');
    const server = await serverFlags(account.mailUser, 'INBOX');
    expect(server.get(row.uid)).not.toContain('\\Flagged');
    expect((await loadAccount(testDb.db, account.accountId))?.lastError).toMatch(
      /could not be applied/,
    );
  });
});
