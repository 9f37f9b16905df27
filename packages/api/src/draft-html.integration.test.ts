/**
 * A draft keeps its formatting: the editor's HTML is saved with the text, APPENDed to the
 * provider's Drafts as multipart/alternative (as the mail will be sent), and comes back
 * into compose as HTML. Real Postgres and Dovecot (the local 163.test profile); the
 * server copy is read with mailparser, a parser independent of the one that built it.
 */
import { and, eq, mailAccount, mailbox, message } from '@youjian/db';
import { closeImap, openImap } from '@youjian/mail';
import { connectImap, createMailUser, type MailUser } from '@youjian/mailstack';
import { accountCredentials, applyPendingOps, syncAccount } from '@youjian/sync';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductUser, createTestApi, type TestApi } from './test-support.integration-helpers';

let api: TestApi;
let userId: string;
let accountId: string;
let bob: MailUser;

const db = () => api.database.db;
const caller = () => api.callerFor(userId);

/** What the worker does when woken: applies the queued server writes. */
async function applyQueue() {
  const [account] = await db().select().from(mailAccount).where(eq(mailAccount.id, accountId));
  if (!account) throw new Error('no account');
  const client = await openImap(accountCredentials(account, api.secretBox));
  try {
    await applyPendingOps({ db: db(), client, account });
  } finally {
    await closeImap(client);
  }
}

async function draftsFolder() {
  const [folder] = await db()
    .select()
    .from(mailbox)
    .where(and(eq(mailbox.accountId, accountId), eq(mailbox.role, 'drafts')));
  if (!folder) throw new Error('no Drafts folder');
  return folder;
}

/** Every message of the Drafts folder as Dovecot holds it. */
async function serverDrafts(path: string): Promise<Buffer[]> {
  const client = await connectImap(bob);
  try {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      if (client.mailbox && client.mailbox.exists === 0) return [];
      const found: Buffer[] = [];
      for await (const m of client.fetch('1:*', { source: true })) {
        if (m.source) found.push(m.source);
      }
      return found;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

beforeAll(async () => {
  api = await createTestApi();
  userId = await createProductUser(api, `drafts-html-${Date.now()}@example.test`);
  bob = await createMailUser('163.test');
  ({ id: accountId } = await caller().accounts.link({
    provider: '163',
    address: bob.address,
    authCode: bob.authCode,
  }));
  await syncAccount({ db: db(), accountId, secretBox: api.secretBox });
});

afterAll(async () => {
  await api?.close();
});

describe('a draft with formatting', () => {
  it('is kept as HTML: on the server as multipart/alternative, reopened into compose as HTML', async () => {
    const html =
      '<p>各位好，<strong>周五前</strong>回复。</p>' +
      '<ul><li><p>预算</p></li><li><p>人员</p></li></ul>' +
      '<script>alert(1)</script>';
    const saved = await caller().drafts.save({
      accountId,
      to: 'alice@qq.test',
      subject: '格式草稿',
      text: '各位好，周五前回复。\n\n- 预算\n- 人员',
      html,
    });
    if (!saved) throw new Error('draft not saved');
    await applyQueue();

    const folder = await draftsFolder();
    const copies = await serverDrafts(folder.path);
    expect(copies).toHaveLength(1);
    const parsed = await simpleParser(copies[0] ?? Buffer.alloc(0));
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(parsed.subject).toBe('格式草稿');
    expect(parsed.html).toContain('<strong>周五前</strong>');
    expect(parsed.html).toContain('<li><p>预算</p></li>');
    // only the editor's tags go to the server, as for a sent mail
    expect(parsed.html).not.toContain('script');
    expect(parsed.text).toContain('- 预算');

    // the draft opened from the Drafts folder, as compose does
    await syncAccount({ db: db(), accountId, secretBox: api.secretBox });
    const [row] = await db()
      .select({ id: message.id })
      .from(message)
      .where(and(eq(message.accountId, accountId), eq(message.mailboxId, folder.id)));
    if (!row) throw new Error('the draft was not mirrored');
    const opened = await caller().drafts.open({ accountId, messageId: row.id });
    expect(opened.draftId).toBe(saved.draftId);
    expect(opened.content.html).toBe(
      '<p>各位好，<strong>周五前</strong>回复。</p><ul><li><p>预算</p></li><li><p>人员</p></li></ul>',
    );
    expect(opened.content.text).toBe('各位好，周五前回复。\n\n- 预算\n- 人员');
  });

  it('saved without HTML (an older client) is APPENDed as text/plain alone', async () => {
    const saved = await caller().drafts.save({
      accountId,
      to: '',
      subject: '纯文本草稿',
      text: '只有文字',
    });
    if (!saved) throw new Error('draft not saved');
    await applyQueue();
    const copies = await Promise.all(
      (await serverDrafts((await draftsFolder()).path)).map((raw) => simpleParser(raw)),
    );
    const plain = copies.find((copy) => copy.subject === '纯文本草稿');
    expect(plain?.headers.get('content-type')).toMatchObject({ value: 'text/plain' });
    expect(plain?.html).toBe(false);
  });

  it('a mail taken back by Undo reopens with its HTML too', async () => {
    const html = '<p><strong>撤回</strong>的邮件</p><ol><li><p>一</p></li></ol>';
    const sent = await caller().messages.send({
      accountId,
      to: 'alice@qq.test',
      subject: '撤回',
      text: '',
      html,
    });
    const undone = await caller().outbox.cancel({ accountId, id: sent.id });
    expect(undone.html).toBe(html);
    expect(undone.text).toContain('撤回的邮件');
  });
});
