/**
 * Network and server-side faults with a running worker: IMAP sessions cut again and again
 * in the middle of a sync (`doveadm kick`, real Dovecot behind the QQ emulation), a
 * UIDVALIDITY change, and folders created, renamed and deleted on the server — each seen
 * by open browser tabs as a live event.
 */
import { and, eq, listenMailEvents, type MailEvent, mailbox } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { doveadm } from '@youjian/mailstack';
import { writeMaildir } from '@youjian/mailstack/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  linkTestAccount,
  secretBox,
  seedFolder,
  waitFor,
  withDovecot,
} from './test-stack.integration-helpers';
import { startWorker, type Worker } from './worker/start-worker';
import {
  converged,
  describeComparison,
  mailboxRow,
  untilConverged,
} from './worker-process.integration-helpers';

let testDb: TestDatabase;
let worker: Worker;
const failures: string[] = [];
const events: MailEvent[] = [];
let stopListening: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  testDb = await createTestDatabase();
  stopListening = await listenMailEvents(
    () => testDb.db.$client.connect(),
    (event) => events.push(event),
  );
  worker = await startWorker({
    databaseUrl: testDb.url,
    secretBox,
    workerId: 'network-faults',
    pollIntervalMs: 300,
    folderIntervalMs: 1_000,
    fullResyncIntervalMs: 1_000,
    log: (message, fields) => {
      if (message === 'account sync failed') failures.push(String(fields?.error));
    },
  });
});
afterAll(async () => {
  await worker?.stop();
  await stopListening();
  await testDb?.drop();
});

const folderPaths = async (accountId: string) =>
  (
    await testDb.db
      .select({ path: mailbox.path })
      .from(mailbox)
      .where(eq(mailbox.accountId, accountId))
  ).map((row) => row.path);

describe('IMAP sessions cut repeatedly during a sync', () => {
  it('reconnects with backoff and converges to the server', async () => {
    const account = await linkTestAccount(testDb.db, 'qq');
    await writeMaildir(account.mailUser.address, 'INBOX', 5_000, { seed: 77 });
    const started = performance.now();
    // the worker claims the new account at its next lease tick (or at once when woken)
    await testDb.db.$client.query('select pg_notify($1, $2)', ['youjian_work', account.accountId]);
    let kicks = 0;
    const before = failures.length;
    while (performance.now() - started < 6_000) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      // doveadm exits non-zero when the user has no session (the worker is backing off)
      const kicked = await doveadm('kick', account.mailUser.address).then(
        () => true,
        () => false,
      );
      if (kicked) kicks += 1;
    }
    const cut = failures.length - before;
    expect(kicks, 'sessions were cut').toBeGreaterThanOrEqual(2);
    expect(cut, 'the sync was interrupted more than once').toBeGreaterThanOrEqual(2);

    // and the server moved on meanwhile
    await withDovecot(account.mailUser, async (client) => {
      const lock = await client.getMailboxLock('INBOX');
      try {
        await client.messageFlagsAdd('4990:5000', ['\\Flagged'], { uid: true });
        await client.messageDelete('1:10', { uid: true });
      } finally {
        lock.release();
      }
    });
    const comparison = await untilConverged(
      testDb.db,
      account.accountId,
      account.mailUser,
      'INBOX',
      60_000,
    );
    expect(converged(comparison), describeComparison(comparison)).toBe(true);
    expect(comparison.server).toBe(4_990);
    console.info(
      `[measure] 5,000 messages with ${kicks} cuts in 6 s (${cut} interrupted passes): ` +
        `mirror equals server ${((performance.now() - started) / 1000).toFixed(1)} s after the start`,
    );
  });
});

describe('folders and UIDVALIDITY changed on the server', () => {
  it('mirrors created, renamed and deleted folders and tells open tabs', async () => {
    const account = await linkTestAccount(testDb.db, '163');
    await withDovecot(account.mailUser, (client) => client.mailboxCreate('Receipts'));
    await seedFolder(account.mailUser, 'Receipts', [{ subject: 'Taxi' }, { subject: 'Hotel' }]);
    await testDb.db.$client.query('select pg_notify($1, $2)', ['youjian_work', account.accountId]);
    await waitFor(
      async () => (await mailboxRow(testDb.db, account.accountId, 'Receipts'))?.totalCount === 2,
      'Receipts mirrored',
    );

    const listChanged = () =>
      events.filter((e) => e.kind === 'account_changed' && e.accountId === account.accountId)
        .length;
    let seen = listChanged();
    await withDovecot(account.mailUser, (client) => client.mailboxCreate('Travel'));
    await waitFor(async () => (await folderPaths(account.accountId)).includes('Travel'), 'Travel');
    await waitFor(async () => listChanged() > seen, 'a live event for the new folder');

    seen = listChanged();
    await withDovecot(account.mailUser, (client) => client.mailboxRename('Receipts', 'Invoices'));
    const renamed = await waitFor(async () => {
      const row = await mailboxRow(testDb.db, account.accountId, 'Invoices');
      return row?.totalCount === 2 ? row : null;
    }, 'the renamed folder mirrored with its messages');
    expect(await folderPaths(account.accountId)).not.toContain('Receipts');
    await waitFor(async () => listChanged() > seen, 'a live event for the rename');
    expect(
      events.some((e) => e.kind === 'mailbox_changed' && e.mailboxId === renamed.id),
      'a live event for the messages of the renamed folder',
    ).toBe(true);

    await withDovecot(account.mailUser, (client) => client.mailboxDelete('Travel'));
    await waitFor(
      async () => !(await folderPaths(account.accountId)).includes('Travel'),
      'Travel removed',
    );
  });

  it('rebuilds a folder whose UIDVALIDITY changed (RFC 3501 §2.3.1.1)', async () => {
    const account = await linkTestAccount(testDb.db, '163');
    await seedFolder(account.mailUser, 'INBOX', [{ subject: 'One' }, { subject: 'Two' }]);
    await testDb.db.$client.query('select pg_notify($1, $2)', ['youjian_work', account.accountId]);
    const before = await waitFor(async () => {
      const row = await mailboxRow(testDb.db, account.accountId, 'INBOX');
      return row?.totalCount === 2 && row.firstSyncDone ? row : null;
    }, 'INBOX mirrored');
    const uidValidity = (before.uidValidity ?? 0) + 1000;
    const eventsBefore = events.length;
    await doveadm(
      'mailbox',
      'update',
      '-u',
      account.mailUser.address,
      '--uid-validity',
      String(uidValidity),
      'INBOX',
    );
    await seedFolder(account.mailUser, 'INBOX', [{ subject: 'Three' }]);
    const after = await waitFor(async () => {
      const row = await mailboxRow(testDb.db, account.accountId, 'INBOX');
      return row?.uidValidity === uidValidity && row.firstSyncDone && row.totalCount === 3
        ? row
        : null;
    }, 'INBOX rebuilt under the new UIDVALIDITY');
    expect(after.id, 'the same folder, rebuilt in place').toBe(before.id);
    const comparison = await untilConverged(
      testDb.db,
      account.accountId,
      account.mailUser,
      'INBOX',
      10_000,
    );
    expect(converged(comparison), describeComparison(comparison)).toBe(true);
    expect(
      events
        .slice(eventsBefore)
        .some(
          (e) =>
            e.kind === 'mailbox_changed' &&
            e.mailboxId === before.id &&
            e.accountId === account.accountId,
        ),
    ).toBe(true);
    const rows = await testDb.db
      .select({ id: mailbox.id })
      .from(mailbox)
      .where(and(eq(mailbox.accountId, account.accountId), eq(mailbox.path, 'INBOX')));
    expect(rows).toHaveLength(1);
  });
});
