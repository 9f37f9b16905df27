import { and, eq, message, outgoingMail } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelOutgoing, holdOutgoingUntil } from './outgoing-due';
import { queueOutgoingMail } from './queue-outgoing-mail';
import {
  linkTestAccount,
  secretBox,
  seedFolder,
  serverFlags,
  type TestAccount,
  waitFor,
  withDovecot,
} from './test-stack.integration-helpers';
import { startWorker, type Worker } from './worker/start-worker';

let testDb: TestDatabase;
let worker: Worker | undefined;
let sender: TestAccount;
let recipient: TestAccount;

const start = (id: string) =>
  startWorker({
    databaseUrl: testDb.url,
    secretBox,
    workerId: id,
    pollIntervalMs: 500,
    log: () => undefined,
  });

/** Subjects in the recipient's INBOX, read straight from Dovecot. */
async function delivered(subject: string): Promise<number> {
  return withDovecot(recipient.mailUser, async (client) => {
    const status = await client.status('INBOX', { messages: true });
    if ((status ? (status.messages ?? 0) : 0) === 0) return 0;
    const lock = await client.getMailboxLock('INBOX', { readOnly: true });
    try {
      let count = 0;
      for await (const m of client.fetch('1:*', { envelope: true })) {
        if (m.envelope?.subject === subject) count += 1;
      }
      return count;
    } finally {
      lock.release();
    }
  });
}

async function queue(subject: string, notBefore: Date, extra: object = {}) {
  return testDb.db.transaction(async (tx) => {
    const row = await queueOutgoingMail(tx, {
      accountId: sender.accountId,
      draft: {
        to: [{ name: '', address: recipient.mailUser.address }],
        cc: [],
        subject,
        text: `${subject} body`,
        ...extra,
      },
    });
    await holdOutgoingUntil(tx, {
      accountId: sender.accountId,
      id: row.id,
      notBefore,
      scheduled: true,
    });
    return row;
  });
}

async function stateOf(id: string) {
  const [row] = await testDb.db
    .select()
    .from(outgoingMail)
    .where(and(eq(outgoingMail.accountId, sender.accountId), eq(outgoingMail.id, id)));
  return row;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  sender = await linkTestAccount(testDb.db, 'custom');
  recipient = await linkTestAccount(testDb.db, '163');
  await seedFolder(sender.mailUser, 'INBOX', [
    { subject: 'Question for you', messageId: '<question@example.test>' },
  ]);
  worker = await start('schedule-worker-1');
  await waitFor(async () => {
    const [row] = await testDb.db
      .select({ id: message.id })
      .from(message)
      .where(
        and(
          eq(message.accountId, sender.accountId),
          eq(message.messageId, '<question@example.test>'),
        ),
      );
    return row ?? null;
  }, 'first sync of the sender');
});

afterAll(async () => {
  await worker?.stop();
  await testDb?.drop();
});

describe('scheduled and delayed sends', () => {
  it('a scheduled mail is not sent before its time, and is sent after a worker restart', async () => {
    const at = new Date(Date.now() + 8_000);
    const row = await queue('Scheduled for later', at);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await stateOf(row.id))?.state).toBe('queued');
    expect(await delivered('Scheduled for later')).toBe(0);
    // the worker goes away and another one starts before the time comes
    await worker?.stop();
    worker = await start('schedule-worker-2');
    await waitFor(async () => (await stateOf(row.id))?.state === 'sent', 'scheduled send', 30_000);
    const sent = await stateOf(row.id);
    expect(sent?.sentAt?.getTime()).toBeGreaterThanOrEqual(at.getTime());
    await waitFor(async () => (await delivered('Scheduled for later')) === 1, 'delivery', 20_000);
  });

  it('Undo before the delay passes: the row is cancelled and the recipient gets nothing', async () => {
    const row = await queue('Undone mail', new Date(Date.now() + 3_000));
    const draft = await cancelOutgoing(testDb.db, { accountId: sender.accountId, id: row.id });
    expect(draft?.subject).toBe('Undone mail');
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect((await stateOf(row.id))?.state).toBe('cancelled');
    expect(await delivered('Undone mail')).toBe(0);
  });

  it('Undo after the worker claimed the mail changes nothing: it is sent once', async () => {
    const row = await queue('Too late to undo', new Date());
    await waitFor(async () => (await stateOf(row.id))?.state === 'sent', 'send', 20_000);
    expect(await cancelOutgoing(testDb.db, { accountId: sender.accountId, id: row.id })).toBeNull();
    expect((await stateOf(row.id))?.state).toBe('sent');
  });

  it('a sent reply sets \\Answered on the original, in the mirror and on the server', async () => {
    const [original] = await testDb.db
      .select()
      .from(message)
      .where(
        and(
          eq(message.accountId, sender.accountId),
          eq(message.messageId, '<question@example.test>'),
        ),
      );
    if (!original) throw new Error('no original');
    const row = await queue('Re: Question for you', new Date(), {
      inReplyTo: '<question@example.test>',
      answers: { messageId: original.id },
    });
    await waitFor(async () => (await stateOf(row.id))?.state === 'sent', 'reply sent', 20_000);
    await waitFor(
      async () => {
        const flags = await serverFlags(sender.mailUser, 'INBOX');
        return [...flags.values()].some((f) => f.includes('\\Answered')) || null;
      },
      '\\Answered on the server',
      20_000,
    );
    const [mirrored] = await testDb.db
      .select({ flags: message.flags })
      .from(message)
      .where(and(eq(message.accountId, sender.accountId), eq(message.id, original.id)));
    expect(mirrored?.flags).toContain('\\Answered');
  });
});
