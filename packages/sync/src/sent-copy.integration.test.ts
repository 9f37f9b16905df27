/**
 * The Sent copy of mail sent through QQ and NetEase, whose filing of a copy is not
 * certain: at QQ it depends on "SMTP发信后保存到服务器" (off by default), at NetEase it is
 * undocumented. Real send path: the outgoing queue, Postfix SMTPS, the provider
 * emulations, Dovecot; the server's Sent folder is counted straight on Dovecot.
 */
import { and, eq, mailbox, message, outgoingMail } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { closeImap, openImap } from '@youjian/mail';
import { appendMessage } from '@youjian/mailstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueOutgoingMail } from './queue-outgoing-mail';
import { sendQueuedMail } from './send-queued-mail';
import { SENT_COPY_LOOK_FOR_MS } from './sent-copy-step';
import { loadAccount, syncAccount } from './sync-account';
import {
  linkTestAccount,
  secretBox,
  type TestAccount,
  waitFor,
  withDovecot,
} from './test-stack.integration-helpers';
import { startWorker } from './worker/start-worker';

/** Short enough for a test, long enough for LMTP to file the provider's copy. */
const LOOK_MS = 4_000;

let testDb: TestDatabase;
let recipient: TestAccount;

beforeAll(async () => {
  testDb = await createTestDatabase();
  recipient = await linkTestAccount(testDb.db, '163');
});
afterAll(async () => {
  await testDb?.drop();
});

async function linked(preset: 'qq' | '163', smtpSaveToServer = false) {
  const account = await linkTestAccount(testDb.db, preset, { smtpSaveToServer });
  await syncAccount({ db: testDb.db, accountId: account.accountId, secretBox });
  return account;
}

/** A worker's session on the account: what a (re)started worker opens. */
async function session(account: TestAccount) {
  const row = await loadAccount(testDb.db, account.accountId);
  if (!row) throw new Error('account vanished');
  const client = await openImap(account.creds);
  return { db: testDb.db, client, account: row, secretBox, sentCopyLookMs: LOOK_MS };
}

async function queue(account: TestAccount, subject: string) {
  return testDb.db.transaction((tx) =>
    queueOutgoingMail(tx, {
      accountId: account.accountId,
      draft: {
        to: [{ name: 'Bob', address: recipient.mailUser.address }],
        cc: [],
        subject,
        text: '周五的会议改到下午三点。',
      },
    }),
  );
}

async function outgoing(id: string) {
  const [row] = await testDb.db.select().from(outgoingMail).where(eq(outgoingMail.id, id));
  if (!row) throw new Error('outgoing row vanished');
  return row;
}

/**
 * Sends one mail as a worker would: one cycle sends it, `afterSend` runs (what the
 * provider does meanwhile), then cycles on the same session until the copy is settled.
 * Returns the outgoing row's id, the copy state right after sending and how long the
 * sending cycle took.
 */
async function sendThroughWorker(
  sender: TestAccount,
  subject: string,
  afterSend: (id: string) => Promise<void> = async () => undefined,
) {
  const { id } = await queue(sender, subject);
  const ctx = await session(sender);
  try {
    const started = performance.now();
    expect(await sendQueuedMail(ctx)).toBe(1);
    const sendMs = performance.now() - started;
    const rightAfterSend = (await outgoing(id)).sentCopy;
    await afterSend(id);
    await cyclesUntilSettled(ctx, id);
    return { id, rightAfterSend, sendMs };
  } finally {
    await closeImap(ctx.client);
  }
}

/** Worker cycles on one session until the copy is no longer awaited. */
function cyclesUntilSettled(ctx: Awaited<ReturnType<typeof session>>, id: string) {
  return waitFor(
    async () => {
      await sendQueuedMail(ctx);
      const row = await outgoing(id);
      return row.sentCopy !== 'awaiting' && row;
    },
    'the Sent copy check',
    LOOK_MS + 15_000,
  );
}

/** Subjects in the account's Sent folder on the server itself. */
async function serverSentSubjects(account: TestAccount, path: string) {
  return withDovecot(account.mailUser, async (client) => {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      if (client.mailbox && client.mailbox.exists === 0) return [];
      const all = await client.fetchAll('1:*', { envelope: true });
      return all.map((m) => m.envelope?.subject ?? '');
    } finally {
      lock.release();
    }
  });
}

async function mirroredSentSubjects(account: TestAccount) {
  const rows = await testDb.db
    .select({ subject: message.subject })
    .from(message)
    .innerJoin(mailbox, eq(mailbox.id, message.mailboxId))
    .where(and(eq(message.accountId, account.accountId), eq(mailbox.role, 'sent')));
  return rows.map((row) => row.subject);
}

async function receivedBy(subject: string) {
  await syncAccount({ db: testDb.db, accountId: recipient.accountId, secretBox });
  const rows = await testDb.db
    .select({ id: message.id })
    .from(message)
    .where(and(eq(message.accountId, recipient.accountId), eq(message.subject, subject)));
  return rows.length;
}

describe('the Sent copy at QQ, whose SMTP copy depends on a user setting', () => {
  it('APPENDs the only Sent copy when "SMTP发信后保存到服务器" is off (QQ’s default)', async () => {
    const sender = await linked('qq');
    const subject = `setting off ${Date.now()}`;
    const { id, rightAfterSend, sendMs } = await sendThroughWorker(sender, subject);
    expect(await serverSentSubjects(sender, 'Sent Messages')).toEqual([subject]);
    expect(await mirroredSentSubjects(sender)).toEqual([subject]);
    expect(await receivedBy(subject)).toBe(1);
    expect((await outgoing(id)).sentCopy).toBe('appended');
    // the worker loop was not held up for the look: the copy was checked in later cycles
    expect(rightAfterSend).toBe('awaiting');
    expect(sendMs).toBeLessThan(LOOK_MS);
  });

  it('keeps the provider’s copy as the only one when the setting is on', async () => {
    const sender = await linked('qq', true);
    const subject = `setting on ${Date.now()}`;
    const { id } = await sendThroughWorker(sender, subject);
    expect(await serverSentSubjects(sender, 'Sent Messages')).toEqual([subject]);
    expect(await mirroredSentSubjects(sender)).toEqual([subject]);
    expect((await outgoing(id)).sentCopy).toBe('filed_by_provider');
  });

  it.each([
    ['off', false],
    ['on', true],
  ] as const)(
    'leaves exactly one Sent copy when the worker dies between SMTP acceptance and the copy check (setting %s)',
    async (_label, settingOn) => {
      const sender = await linked('qq', settingOn);
      const subject = `restart, setting ${settingOn ? 'on' : 'off'} ${Date.now()}`;
      const { id } = await queue(sender, subject);
      const first = await session(sender);
      await sendQueuedMail(first);
      // the worker dies: its session ends with nothing more done; only Postgres remembers
      first.client.close();
      const rightAfterSend = (await outgoing(id)).sentCopy;
      await new Promise((resolve) => setTimeout(resolve, LOOK_MS));
      const second = await session(sender);
      try {
        await cyclesUntilSettled(second, id);
      } finally {
        await closeImap(second.client);
      }
      expect(await serverSentSubjects(sender, 'Sent Messages')).toEqual([subject]);
      expect(await mirroredSentSubjects(sender)).toEqual([subject]);
      expect(await receivedBy(subject)).toBe(1);
      const row = await outgoing(id);
      expect(rightAfterSend).toBe('awaiting');
      expect(row.sentCopy).toBe(settingOn ? 'filed_by_provider' : 'appended');
      expect(row.attempts).toBe(1);
    },
  );

  it('recognises a provider copy whose Message-ID was rewritten by date, subject and recipients', async () => {
    const sender = await linked('qq');
    const subject = `rewritten ${Date.now()}`;
    const { id } = await sendThroughWorker(sender, subject, async (sentId) => {
      // what a provider that renumbers Message-IDs would file: the same mail, a new id
      const raw = Buffer.from((await outgoing(sentId)).sentCopyRawBase64 ?? '', 'base64')
        .toString()
        .replace(/^Message-ID: .*$/im, 'Message-ID: <rewritten-by-provider@qq.test>');
      await appendMessage(sender.mailUser, 'Sent Messages', raw, ['\\Seen']);
    });
    expect(await serverSentSubjects(sender, 'Sent Messages')).toEqual([subject]);
    expect((await outgoing(id)).sentCopy).toBe('filed_by_provider');
  });
});

describe('the Sent copy at NetEase, whose SMTP copy is undocumented', () => {
  it('finds the copy the NetEase emulation files in 已发送 and APPENDs none', async () => {
    const sender = await linked('163');
    const subject = `netease ${Date.now()}`;
    const { id } = await sendThroughWorker(sender, subject);
    expect(await serverSentSubjects(sender, '已发送')).toEqual([subject]);
    expect((await outgoing(id)).sentCopy).toBe('filed_by_provider');
  });
});

describe('the Sent copy in the running worker', () => {
  it('APPENDs the QQ copy when the look ends, with nothing else waking the worker', async () => {
    const sender = await linked('qq');
    const subject = `worker, setting off ${Date.now()}`;
    const worker = await startWorker({
      databaseUrl: testDb.url,
      secretBox,
      workerId: 'sent-copy-worker',
      log: () => undefined,
    });
    try {
      const { id } = await queue(sender, subject);
      const started = performance.now();
      await waitFor(
        async () => (await mirroredSentSubjects(sender)).length > 0,
        'the Sent copy in the mirror',
        SENT_COPY_LOOK_FOR_MS + 20_000,
      );
      console.info(
        `[measure] queued → Youjian's Sent copy mirrored (QQ, setting off): ${Math.round(performance.now() - started)} ms`,
      );
      expect((await outgoing(id)).sentCopy).toBe('appended');
    } finally {
      await worker.stop();
    }
    expect(await serverSentSubjects(sender, 'Sent Messages')).toEqual([subject]);
    expect(await mirroredSentSubjects(sender)).toEqual([subject]);
  });
});
