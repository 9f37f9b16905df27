/**
 * Many workers: two real worker processes share one database through leases; when one is
 * killed (SIGKILL: no clean stop, no lease hand-back) the other takes its accounts over
 * within 30 s and keeps them current.
 */
import { eq, inArray, mailAccount, message } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { deliverMessage } from '@youjian/mailstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  linkTestAccount,
  rawMessage,
  seedFolder,
  type TestAccount,
  waitFor,
} from './test-stack.integration-helpers';
import { LEASE_RENEW_MS, LEASE_TTL_MS } from './worker/leases';
import { spawnWorker, type WorkerProcess } from './worker-process.integration-helpers';

let testDb: TestDatabase;
const accounts: TestAccount[] = [];
const running: WorkerProcess[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  for (const preset of ['qq', '163', 'qq', '163'] as const) {
    const account = await linkTestAccount(testDb.db, preset);
    await seedFolder(account.mailUser, 'INBOX', [{ subject: 'Hello' }]);
    accounts.push(account);
  }
});
afterAll(async () => {
  await Promise.all(running.map((w) => w.kill9()));
  await testDb?.drop();
});

function start(workerId: string): WorkerProcess {
  const worker = spawnWorker({ databaseUrl: testDb.url, workerId });
  running.push(worker);
  return worker;
}

async function owners(): Promise<Map<string, string | null>> {
  const rows = await testDb.db
    .select({ id: mailAccount.id, owner: mailAccount.leaseOwner, status: mailAccount.status })
    .from(mailAccount)
    .where(
      inArray(
        mailAccount.id,
        accounts.map((a) => a.accountId),
      ),
    );
  return new Map(rows.map((row) => [row.id, row.status === 'ok' ? row.owner : null]));
}

const allOwnedBy = async (workerId: string) =>
  [...(await owners()).values()].every((owner) => owner === workerId);

describe('two workers', () => {
  it("move a killed worker's accounts to the survivor within 30 s", async () => {
    const a = start('worker-a');
    await waitFor(() => allOwnedBy('worker-a'), 'worker-a owns and synced every account', 30_000);
    const b = start('worker-b');
    await waitFor(async () => b.output().includes('started'), 'worker-b running', 20_000);
    // a live lease is never taken: worker-b stays idle while worker-a renews
    await new Promise((resolve) => setTimeout(resolve, LEASE_RENEW_MS + 1_000));
    expect(await allOwnedBy('worker-a'), b.output()).toBe(true);

    await a.kill9();
    const killedAt = performance.now();
    await waitFor(() => allOwnedBy('worker-b'), 'worker-b owns every account', 35_000);
    const takeoverMs = performance.now() - killedAt;
    expect(takeoverMs).toBeLessThan(30_000);

    // and keeps them current: new mail on a polled (NetEase) and an IDLE (QQ) account
    const [qq, netease] = accounts;
    if (!qq || !netease) throw new Error('accounts missing');
    for (const account of [qq, netease]) {
      await deliverMessage({
        from: 'someone@example.test',
        to: account.mailUser.address,
        raw: rawMessage({ subject: 'After the takeover' }, account.mailUser.address),
      });
    }
    for (const account of [qq, netease]) {
      await waitFor(async () => {
        const rows = await testDb.db
          .select({ id: message.id })
          .from(message)
          .where(eq(message.accountId, account.accountId));
        return rows.length === 2;
      }, 'new mail mirrored by worker-b');
    }
    console.info(
      `[measure] takeover after kill -9: ${(takeoverMs / 1000).toFixed(1)} s ` +
        `(lease ${LEASE_TTL_MS / 1000} s, renewed every ${LEASE_RENEW_MS / 1000} s)`,
    );
  });

  it('hand accounts over at once when a worker stops cleanly (SIGTERM)', async () => {
    const c = start('worker-c');
    await waitFor(async () => c.output().includes('started'), 'worker-c running', 20_000);
    const b = running.find((w) => w.output().includes('worker-b started'));
    if (!b) throw new Error('worker-b is not running');
    const stoppedAt = performance.now();
    await b.stop();
    await waitFor(() => allOwnedBy('worker-c'), 'worker-c owns every account', 10_000);
    const handoverMs = performance.now() - stoppedAt;
    expect(handoverMs).toBeLessThan(LEASE_RENEW_MS);
    console.info(`[measure] handover after SIGTERM: ${(handoverMs / 1000).toFixed(2)} s`);
  });
});
