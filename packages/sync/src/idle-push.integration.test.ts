/**
 * Push (RFC 2177 IDLE) beyond new mail: a flag change made by another client (a phone
 * marking a message read) reaches the mirror and open tabs at once, without waiting for
 * the periodic flag resync (15 min by default), which STATUS alone could never trigger.
 */
import { and, eq, listenMailEvents, type MailEvent, message } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  linkTestAccount,
  secretBox,
  seedFolder,
  type TestAccount,
  waitFor,
  withDovecot,
} from './test-stack.integration-helpers';
import { startWorker, type Worker } from './worker/start-worker';
import { mailboxRow } from './worker-process.integration-helpers';

let testDb: TestDatabase;
let worker: Worker;
let qq: TestAccount;
const events: MailEvent[] = [];
let stopListening: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  testDb = await createTestDatabase();
  qq = await linkTestAccount(testDb.db, 'qq');
  await seedFolder(qq.mailUser, 'INBOX', [{ subject: 'Read me on the phone' }]);
  stopListening = await listenMailEvents(
    () => testDb.db.$client.connect(),
    (event) => events.push(event),
  );
  worker = await startWorker({
    databaseUrl: testDb.url,
    secretBox,
    workerId: 'idle-push',
    log: () => undefined,
  });
  await waitFor(
    async () => (await mailboxRow(testDb.db, qq.accountId, 'INBOX'))?.firstSyncDone,
    'first sync',
  );
});
afterAll(async () => {
  await worker?.stop();
  await stopListening();
  await testDb?.drop();
});

describe('IDLE on a QQ account', () => {
  it('mirrors a flag change made by another client within seconds', async () => {
    const inbox = await mailboxRow(testDb.db, qq.accountId, 'INBOX');
    if (!inbox) throw new Error('no INBOX');
    // let the runner settle into IDLE after its first pass
    await new Promise((resolve) => setTimeout(resolve, 500));
    const eventsBefore = events.length;
    const changed = performance.now();
    await withDovecot(qq.mailUser, async (client) => {
      const lock = await client.getMailboxLock('INBOX');
      try {
        await client.messageFlagsAdd('1:*', ['\\Seen', '\\Flagged']);
      } finally {
        lock.release();
      }
    });
    await waitFor(
      async () => {
        const [row] = await testDb.db
          .select({ seen: message.seen, flagged: message.flagged })
          .from(message)
          .where(and(eq(message.accountId, qq.accountId), eq(message.mailboxId, inbox.id)));
        return row?.seen && row.flagged;
      },
      'the flag change mirrored',
      5_000,
    );
    const ms = performance.now() - changed;
    // the event is a NOTIFY sent at commit: it reaches this listener a moment after the row
    // is visible, so it is awaited too (open tabs are told, not only the mirror changed)
    await waitFor(
      async () =>
        events
          .slice(eventsBefore)
          .some((e) => e.kind === 'mailbox_changed' && e.mailboxId === inbox.id),
      'the open tabs told of the change',
      2_000,
    );
    console.info(`[measure] flag change by another client → mirror via IDLE: ${Math.round(ms)} ms`);
  });
});
