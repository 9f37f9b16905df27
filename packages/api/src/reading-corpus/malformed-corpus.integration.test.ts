/**
 * The generated malformed corpus (malformed-corpus.ts) through the real path: APPENDed to
 * Dovecot, mirrored by syncAccount, bodies indexed, listed and opened through the API.
 * Nothing may crash or stall the account's sync, every message is listed, and a message
 * that cannot be read says so in the pane and offers its source.
 */
import { eq, mailAccount, message } from '@youjian/db';
import { closeImap, openImap } from '@youjian/mail';
import { connectImap, createMailUser, MAILSTACK, type MailUser } from '@youjian/mailstack';
import { accountCredentials, indexBodies, syncAccount } from '@youjian/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMessageSource } from '../services/get-message-source';
import {
  createProductUser,
  createTestApi,
  linkStackMailbox,
  type TestApi,
} from '../test-support.integration-helpers';
import { malformedCorpus } from './malformed-corpus';

const corpus = malformedCorpus();
let api: TestApi;
let userId: string;
let accountId: string;
let mailUser: MailUser;
/** case id → the mirror's message id */
const listedIds = new Map<string, string>();
let syncMs = 0;
let syncError: unknown = null;

beforeAll(async () => {
  api = await createTestApi();
  userId = await createProductUser(api, 'malformed-reader@example.test');
  mailUser = await createMailUser('qq.test');
  accountId = await linkStackMailbox(api, userId, mailUser, MAILSTACK.providers.other);
  const client = await connectImap(mailUser);
  const uidOf = new Map<number, string>();
  try {
    for (const c of corpus) {
      const appended = await client.append('INBOX', c.raw, [], new Date('2025-03-03T02:00:00Z'));
      const uid = appended ? appended.uid : undefined;
      if (!uid) throw new Error(`APPEND of ${c.id} gave no UID`);
      uidOf.set(uid, c.id);
    }
  } finally {
    await client.logout();
  }
  const started = Date.now();
  try {
    await syncAccount({ db: api.database.db, accountId, secretBox: api.secretBox });
    const [account] = await api.database.db
      .select()
      .from(mailAccount)
      .where(eq(mailAccount.id, accountId));
    if (!account) throw new Error('no account');
    const imap = await openImap(accountCredentials(account, api.secretBox));
    try {
      await indexBodies({
        db: api.database.db,
        client: imap,
        accountId,
        userId,
        shouldPause: () => false,
      });
    } finally {
      await closeImap(imap);
    }
  } catch (error) {
    syncError = error;
  }
  syncMs = Date.now() - started;
  const page = await api.callerFor(userId).messages.list({ accountId, limit: 100 });
  const rows = await api.database.db
    .select({ id: message.id, uid: message.uid })
    .from(message)
    .where(eq(message.accountId, accountId));
  for (const row of rows) {
    const caseId = uidOf.get(Number(row.uid));
    if (caseId && page.items.some((item) => item.id === row.id)) listedIds.set(caseId, row.id);
  }
}, 120_000);

afterAll(async () => {
  await api?.close();
});

describe('the generated malformed corpus', () => {
  it('leaves the account syncing: mail that arrives after it is mirrored', async () => {
    const client = await connectImap(mailUser);
    try {
      await client.append(
        'INBOX',
        Buffer.from(
          'From: a@well.example.test\r\nTo: b@well.example.test\r\nSubject: After the storm\r\n\r\nfine\r\n',
        ),
      );
    } finally {
      await client.logout();
    }
    await syncAccount({ db: api.database.db, accountId, secretBox: api.secretBox });
    const page = await api.callerFor(userId).messages.list({ accountId, limit: 100 });
    expect(page.items.map((item) => item.subject)).toContain('After the storm');
  });

  it('is mirrored and indexed without an error and without stalling the sync', () => {
    expect(syncError).toBeNull();
    expect(syncMs).toBeLessThan(30_000);
  });

  it('lists every message', () => {
    expect([...listedIds.keys()].sort()).toEqual(corpus.map((c) => c.id).sort());
  });

  describe.each(corpus.map((c) => [c.id, c] as const))('%s', (caseId, c) => {
    it('opens, and shows its text or says it cannot be read and offers its source', async () => {
      const messageId = listedIds.get(caseId);
      if (!messageId) throw new Error(`${caseId} is not listed`);
      const caller = api.callerFor(userId);
      const opened = await caller.messages.get({ accountId, messageId });
      expect(opened.body.unreadable).toBe(c.pane.unreadable);
      if (c.pane.textContains) expect(opened.body.text ?? '').toContain(c.pane.textContains);
      if (c.pane.unreadable) {
        expect(opened.body.sourceUrl).toBe(`/api/messages/${accountId}/${messageId}/source`);
        const source = await getMessageSource({
          db: api.database.db,
          secretBox: api.secretBox,
          userId,
          accountId,
          messageId,
        });
        expect(Buffer.compare(source.content, c.raw)).toBe(0);
      } else {
        expect(opened.body.sourceUrl).toBeNull();
      }
      if (c.attachments) {
        expect(opened.body.attachments.map((a) => a.filename)).toEqual(c.attachments);
      }
      if (c.toCount !== undefined) expect(opened.to).toHaveLength(c.toCount);
      if (c.sentAt !== undefined) {
        const [row] = await api.database.db
          .select({ sentAt: message.sentAt })
          .from(message)
          .where(eq(message.id, messageId));
        expect(row?.sentAt ?? null).toBe(c.sentAt);
      }
      if (c.subject) {
        const page = await caller.messages.list({ accountId, limit: 100 });
        expect(page.items.find((item) => item.id === messageId)?.subject).toBe(c.subject);
      }
    }, 30_000);
  });
});
