import { and, draft, eq, mailbox, message, pendingImapOp } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { closeImap, openImap } from '@youjian/mail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendDraftRevision, draftMessageId } from './apply-draft-op';
import { applyPendingOps } from './apply-pending-ops';
import { holdOutgoingUntil } from './outgoing-due';
import { queueDraftDiscard, queueDraftSave } from './queue-draft';
import { queueOutgoingMail } from './queue-outgoing-mail';
import { loadAccount, syncAccount } from './sync-account';
import {
  linkTestAccount,
  secretBox,
  type TestAccount,
  withDovecot,
} from './test-stack.integration-helpers';

let testDb: TestDatabase;
const db = () => testDb.db;

beforeAll(async () => {
  testDb = await createTestDatabase();
});

afterAll(async () => {
  await testDb?.drop();
});

/** Drafts on the server, read straight from Dovecot: Message-ID, subject and flags of each. */
async function serverDrafts(account: TestAccount, path: string) {
  return withDovecot(account.mailUser, async (client) => {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      const found: { messageId: string; subject: string; flags: string[] }[] = [];
      if (client.mailbox && client.mailbox.exists === 0) return found;
      for await (const m of client.fetch('1:*', { uid: true, envelope: true, flags: true })) {
        found.push({
          messageId: m.envelope?.messageId ?? '',
          subject: m.envelope?.subject ?? '',
          flags: [...(m.flags ?? [])],
        });
      }
      return found;
    } finally {
      lock.release();
    }
  });
}

describe.each(['qq', '163'] as const)('drafts on the %s profile', (preset) => {
  let account: TestAccount;
  let draftsPath: string;

  /** One worker pass over the write-back queue, on its own session like the worker's. */
  async function withSession<T>(work: (ctx: Parameters<typeof applyPendingOps>[0]) => Promise<T>) {
    const loaded = await loadAccount(db(), account.accountId);
    if (!loaded) throw new Error('no account');
    const client = await openImap(account.creds);
    try {
      return await work({ db: db(), client, account: loaded });
    } finally {
      await closeImap(client);
    }
  }
  const apply = () => withSession((ctx) => applyPendingOps(ctx));

  const content = (text: string) => ({
    to: 'bob@163.test, 半个地址',
    cc: '',
    subject: `草稿 ${preset}`,
    text,
  });

  async function save(text: string, draftId?: string) {
    const saved = await db().transaction((tx) =>
      queueDraftSave(tx, { accountId: account.accountId, draftId, content: content(text) }),
    );
    if (!saved) throw new Error('draft not saved');
    return saved;
  }

  async function mirrorDrafts() {
    const [folder] = await db()
      .select({ id: mailbox.id })
      .from(mailbox)
      .where(and(eq(mailbox.accountId, account.accountId), eq(mailbox.role, 'drafts')));
    return db()
      .select({ messageId: message.messageId })
      .from(message)
      .where(
        and(eq(message.accountId, account.accountId), eq(message.mailboxId, folder?.id ?? '')),
      );
  }

  beforeAll(async () => {
    account = await linkTestAccount(db(), preset);
    await syncAccount({ db: db(), accountId: account.accountId, secretBox });
    const [folder] = await db()
      .select()
      .from(mailbox)
      .where(and(eq(mailbox.accountId, account.accountId), eq(mailbox.role, 'drafts')));
    if (!folder) throw new Error('the test mailbox has no Drafts folder');
    draftsPath = folder.path;
  });

  it('three saves leave exactly one copy on the server: the last, with \\Draft', async () => {
    const first = await save('第一稿');
    await apply();
    await save('第二稿', first.draftId);
    await apply();
    const third = await save('第三稿 final', first.draftId);
    await apply();
    expect(third.revision).toBe(3);
    const onServer = await serverDrafts(account, draftsPath);
    expect(onServer).toHaveLength(1);
    expect(onServer[0]?.messageId).toBe(draftMessageId(first.draftId, 3, account.mailUser.address));
    expect(onServer[0]?.flags).toContain('\\Draft');
    expect(onServer[0]?.subject).toBe(`草稿 ${preset}`);
    // the mirror shows the same one copy
    expect((await mirrorDrafts()).map((row) => row.messageId)).toEqual([onServer[0]?.messageId]);
  });

  it('a crash between APPEND and EXPUNGE still leaves exactly one copy', async () => {
    const [only] = await db().select().from(draft).where(eq(draft.accountId, account.accountId));
    if (!only) throw new Error('no draft');
    const next = await save('第四稿', only.id);
    // the worker got as far as the APPEND (attempt counted, op still pending) and died
    await db()
      .update(pendingImapOp)
      .set({ attempts: 1 })
      .where(
        and(eq(pendingImapOp.accountId, account.accountId), eq(pendingImapOp.state, 'pending')),
      );
    await withSession((ctx) => appendDraftRevision(ctx, next));
    expect(await serverDrafts(account, draftsPath)).toHaveLength(2);
    // the restarted worker repeats the op: it finds revision 4 and only expunges revision 3
    await apply();
    const onServer = await serverDrafts(account, draftsPath);
    expect(onServer.map((m) => m.messageId)).toEqual([
      draftMessageId(only.id, 4, account.mailUser.address),
    ]);
  });

  it('saves queued faster than the worker runs APPEND only the newest revision', async () => {
    const [only] = await db().select().from(draft).where(eq(draft.accountId, account.accountId));
    if (!only) throw new Error('no draft');
    await save('五', only.id);
    await save('六', only.id);
    await apply();
    const onServer = await serverDrafts(account, draftsPath);
    expect(onServer.map((m) => m.messageId)).toEqual([
      draftMessageId(only.id, 6, account.mailUser.address),
    ]);
  });

  it('Discard removes the draft locally and on the server', async () => {
    const [only] = await db().select().from(draft).where(eq(draft.accountId, account.accountId));
    if (!only) throw new Error('no draft');
    await db().transaction((tx) =>
      queueDraftDiscard(tx, { accountId: account.accountId, draftId: only.id }),
    );
    await apply();
    expect(await serverDrafts(account, draftsPath)).toHaveLength(0);
    expect(await mirrorDrafts()).toHaveLength(0);
    expect(await db().select().from(draft).where(eq(draft.accountId, account.accountId))).toEqual(
      [],
    );
  });

  it('sending a draft removes it from the server, in the transaction that queues the mail', async () => {
    const saved = await save('要发出的草稿');
    await apply();
    expect(await serverDrafts(account, draftsPath)).toHaveLength(1);
    // what messages.send does with a draft id (send-timing.ts holdSend)
    await db().transaction(async (tx) => {
      const row = await queueOutgoingMail(tx, {
        accountId: account.accountId,
        draft: { to: [], cc: [], subject: `草稿 ${preset}`, text: '要发出的草稿' },
      });
      const at = new Date(Date.now() + 3_600_000);
      await holdOutgoingUntil(tx, {
        accountId: account.accountId,
        id: row.id,
        notBefore: at,
        scheduled: true,
      });
      await queueDraftDiscard(tx, { accountId: account.accountId, draftId: saved.draftId });
    });
    await apply();
    expect(await serverDrafts(account, draftsPath)).toHaveLength(0);
  });
});
