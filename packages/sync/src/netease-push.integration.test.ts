/**
 * New mail at NetEase without IDLE: with production defaults (no interval override) the
 * worker keeps INBOX selected on its one session and asks with NOOP (RFC 3501 §6.1.2),
 * so a delivered mail reaches the mirror within the 163 preset's ~10 s, and a flag change
 * made by another client comes with it — without a new LOGIN, which NetEase throttles.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, mailAccount, message } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { deliverMessage, MAILSTACK } from '@youjian/mailstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  linkTestAccount,
  rawMessage,
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
let netease: TestAccount;

/** IMAP logins Dovecot logged for the address (every proxy session is one). */
function imapLogins(address: string): number {
  const log = readFileSync(path.join(MAILSTACK.root, 'log', 'dovecot.log'), 'utf8');
  return log
    .split('\n')
    .filter((line) => line.includes(`imap-login: Info: Login: user=<${address}>`)).length;
}

async function inboxMessages(subject: string) {
  const inbox = await mailboxRow(testDb.db, netease.accountId, 'INBOX');
  if (!inbox) return [];
  return testDb.db
    .select({ seen: message.seen, flagged: message.flagged })
    .from(message)
    .where(
      and(
        eq(message.accountId, netease.accountId),
        eq(message.mailboxId, inbox.id),
        eq(message.subject, subject),
      ),
    );
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  netease = await linkTestAccount(testDb.db, '163');
  await seedFolder(netease.mailUser, 'INBOX', [{ subject: 'Read me on the phone' }]);
  // production defaults: the interval comes from the 163 preset
  worker = await startWorker({
    databaseUrl: testDb.url,
    secretBox,
    workerId: 'netease-push',
    log: () => undefined,
  });
  await waitFor(async () => {
    const [row] = await testDb.db
      .select()
      .from(mailAccount)
      .where(eq(mailAccount.id, netease.accountId));
    return row?.status === 'ok' && row.syncProgress === 100;
  }, 'first sync');
  // let the runner index the body and settle into watching INBOX
  await new Promise((resolve) => setTimeout(resolve, 1_000));
});
afterAll(async () => {
  await worker?.stop();
  await testDb?.drop();
});

describe('a NetEase account (no IDLE) with production defaults', () => {
  it('mirrors mail delivered through SMTP within the preset interval, on the same session', async () => {
    const loginsBefore = imapLogins(netease.mailUser.address);
    expect(loginsBefore).toBeGreaterThan(0);
    const sent = performance.now();
    await deliverMessage({
      from: 'qq-user@qq.test',
      to: netease.mailUser.address,
      raw: rawMessage({ subject: 'From a QQ user' }, netease.mailUser.address),
    });
    // the 163 preset asks every 10 s; the old STATUS poll waited a minute
    await waitFor(
      async () => (await inboxMessages('From a QQ user')).length === 1,
      'the new mail in the mirror',
      20_000,
    );
    console.info(
      `[measure] 163 delivery → mirror, production defaults: ${Math.round(performance.now() - sent)} ms`,
    );
    expect(imapLogins(netease.mailUser.address)).toBe(loginsBefore);
  });

  it('mirrors a flag change made by another client from the NOOP answer', async () => {
    const loginsBefore = imapLogins(netease.mailUser.address);
    await withDovecot(netease.mailUser, async (client) => {
      const lock = await client.getMailboxLock('INBOX');
      try {
        await client.messageFlagsAdd('1', ['\\Seen', '\\Flagged']);
      } finally {
        lock.release();
      }
    });
    // STATUS cannot see flags: before NOOP polling this waited for the 15 min flag resync
    await waitFor(
      async () => {
        const [row] = await inboxMessages('Read me on the phone');
        return row?.seen && row.flagged;
      },
      'the flag change mirrored',
      20_000,
    );
    // the only new login is the other client's own
    expect(imapLogins(netease.mailUser.address)).toBe(loginsBefore + 1);
  });
});
