/**
 * Crash faults against real worker processes (`tsx apps/worker/src/main.ts`) and the
 * local providers: SIGKILL in the middle of a 20,000-message first sync and in the middle
 * of 500 queued changes; after a restart the mirror must equal the server.
 */
import { and, eq, mailAccount, pendingImapOp, sql } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { writeMaildir } from '@youjian/mailstack/seed';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from './db-types';
import { enqueueImapOp } from './enqueue-imap-op';
import {
  linkTestAccount,
  rawMessage,
  serverFlags,
  waitFor,
  withDovecot,
} from './test-stack.integration-helpers';
import {
  converged,
  describeComparison,
  mailboxRow,
  spawnWorker,
  untilConverged,
  type WorkerProcess,
} from './worker-process.integration-helpers';

let testDb: TestDatabase;
const running: WorkerProcess[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((w) => w.kill9()));
});
afterAll(async () => {
  await testDb?.drop();
});

function startWorker(workerId: string): WorkerProcess {
  const worker = spawnWorker({
    databaseUrl: testDb.url,
    workerId,
    // a short flag resync, so flags changed while the worker was down are seen in the test
    env: { YOUJIAN_FLAG_RESYNC_INTERVAL_MS: '1000', YOUJIAN_FOLDER_SYNC_INTERVAL_MS: '2000' },
  });
  running.push(worker);
  return worker;
}

async function mirroredCount(accountId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await testDb.db.execute(
      sql`select count(*)::int as n from message where account_id = ${accountId}`,
    ),
  );
  return row?.n ?? 0;
}

async function accountSynced(accountId: string, path: string) {
  const [account] = await testDb.db.select().from(mailAccount).where(eq(mailAccount.id, accountId));
  const box = await mailboxRow(testDb.db, accountId, path);
  return account?.status === 'ok' && account.syncProgress === 100 && box?.firstSyncDone === true;
}

describe('kill -9 during the first sync of a 20,000-message folder', () => {
  it('resumes after a restart and ends with the mirror equal to the server', async () => {
    const account = await linkTestAccount(testDb.db, 'qq');
    const seeded = performance.now();
    await writeMaildir(account.mailUser.address, 'INBOX', 20_000, { seed: 20 });
    const seedMs = performance.now() - seeded;

    const startedAt = performance.now();
    const first = startWorker('fault-first-sync');
    await waitFor(
      async () => {
        const n = await mirroredCount(account.accountId);
        return n >= 6_000 ? n : null;
      },
      '6,000 messages mirrored',
      60_000,
    );
    await first.kill9();
    const ranMs = performance.now() - startedAt;
    const atKill = await mirroredCount(account.accountId);
    expect(atKill, 'killed in the middle of the first sync').toBeLessThan(20_000);
    const box = await mailboxRow(testDb.db, account.accountId, 'INBOX');
    expect(box?.firstSyncDone).toBe(false);

    // while the worker is down the mailbox moves on: flags change on messages already
    // mirrored, some of them are expunged, and new mail arrives
    const mirroredUids = rowsOf<{ uid: string }>(
      await testDb.db.execute(sql`select uid from message
        where account_id = ${account.accountId} order by uid desc limit 40`),
    ).map((row) => Number(row.uid));
    await withDovecot(account.mailUser, async (client) => {
      const lock = await client.getMailboxLock('INBOX');
      try {
        await client.messageFlagsAdd(mirroredUids.slice(0, 15), ['\\Flagged', '$Work'], {
          uid: true,
        });
        await client.messageFlagsRemove(mirroredUids.slice(0, 15), ['\\Seen'], { uid: true });
        await client.messageDelete(mirroredUids.slice(20, 30), { uid: true });
      } finally {
        lock.release();
      }
      await client.append('INBOX', rawMessage({ subject: 'Arrived while down' }, 'x@qq.test'));
    });

    const restartedAt = performance.now();
    const second = startWorker('fault-first-sync');
    await waitFor(
      () => accountSynced(account.accountId, 'INBOX'),
      'first sync finished after the restart',
      90_000,
    );
    const resumedMs = performance.now() - restartedAt;
    const comparison = await untilConverged(
      testDb.db,
      account.accountId,
      account.mailUser,
      'INBOX',
      30_000,
    );
    const convergedMs = performance.now() - restartedAt;
    expect(converged(comparison), `${describeComparison(comparison)}\n${second.output()}`).toBe(
      true,
    );
    expect(comparison.server).toBe(20_000 - 10 + 1);
    console.info(
      `[measure] 20k first sync (qq): maildir seed ${(seedMs / 1000).toFixed(1)} s; ` +
        `killed after ${(ranMs / 1000).toFixed(1)} s at ${atKill} mirrored; ` +
        `restart → first sync done ${(resumedMs / 1000).toFixed(1)} s, → mirror equals server ` +
        `${(convergedMs / 1000).toFixed(1)} s; worker time to done ${((ranMs + resumedMs) / 1000).toFixed(1)} s`,
    );
  });
});

const LABELS = ['$Label0', '$Label1', '$Label2', '$Label3', '$Label4'];

describe('kill -9 during 500 queued changes', () => {
  it('applies each change exactly once after a restart, in order', async () => {
    const account = await linkTestAccount(testDb.db, 'qq');
    await writeMaildir(account.mailUser.address, 'INBOX', 100, { seed: 500 });
    const worker = startWorker('fault-queue');
    await waitFor(() => accountSynced(account.accountId, 'INBOX'), 'first sync', 30_000);
    const box = await mailboxRow(testDb.db, account.accountId, 'INBOX');
    if (!box) throw new Error('no INBOX');
    const before = await serverFlags(account.mailUser, 'INBOX');
    const uids = [...before.keys()];
    expect(uids).toHaveLength(100);

    // round k adds $Labelk to every message and sets (even k) or clears (odd k) \Flagged:
    // the final state depends on the order, so a replayed older change would show
    await testDb.db.transaction(async (tx) => {
      for (const [k, label] of LABELS.entries()) {
        for (const uid of uids) {
          const add = k % 2 === 0 ? [label, '\\Flagged'] : [label];
          const remove = k % 2 === 0 ? [] : ['\\Flagged'];
          await tx.execute(sql`update message set
              flags = array(select distinct f from unnest(flags || ${sql.param(add)}::text[]) f
                where f <> all(${sql.param(remove)}::text[]) order by f),
              flagged = ${k % 2 === 0}, updated_at = now()
            where account_id = ${account.accountId} and mailbox_id = ${box.id} and uid = ${uid}`);
          await enqueueImapOp(tx, {
            accountId: account.accountId,
            kind: 'set_flags',
            payload: { mailboxId: box.id, uids: [uid], add, remove },
          });
        }
      }
    });
    const doneCount = async () => {
      const [row] = rowsOf<{ n: number }>(
        await testDb.db.execute(sql`select count(*)::int as n from pending_imap_op
          where account_id = ${account.accountId} and state = 'done'`),
      );
      return row?.n ?? 0;
    };
    const atKill = await waitFor(
      async () => {
        const n = await doneCount();
        return n >= 120 ? n : null;
      },
      '120 changes applied',
      30_000,
    );
    await worker.kill9();
    expect(atKill, 'killed while changes were still queued').toBeLessThan(500);
    // the change the worker was applying when it died: its attempt was counted before the
    // server was touched, so it is the one change allowed a second attempt
    const [inFlight] = rowsOf<{ id: string }>(
      await testDb.db.execute(sql`select min(id)::text as id from pending_imap_op
        where account_id = ${account.accountId} and state <> 'done'`),
    );

    const restartedAt = performance.now();
    startWorker('fault-queue');
    await waitFor(async () => (await doneCount()) === 500, 'all 500 changes applied', 60_000);
    const drainMs = performance.now() - restartedAt;

    const ops = await testDb.db
      .select()
      .from(pendingImapOp)
      .where(and(eq(pendingImapOp.accountId, account.accountId)));
    expect(ops).toHaveLength(500);
    const odd = ops
      .filter((op) => {
        const allowed = String(op.id) === inFlight?.id ? [1, 2] : [1];
        return op.state !== 'done' || !allowed.includes(op.attempts) || !op.appliedAt;
      })
      .map((op) => ({ id: op.id, state: op.state, attempts: op.attempts, error: op.lastError }));
    expect(odd).toEqual([]);
    const after = await serverFlags(account.mailUser, 'INBOX');
    for (const [uid, flags] of before) {
      const intended = [...new Set([...flags, '\\Flagged', ...LABELS])].sort();
      expect(after.get(uid), `UID ${uid}`).toEqual(intended);
    }
    const comparison = await untilConverged(
      testDb.db,
      account.accountId,
      account.mailUser,
      'INBOX',
      10_000,
    );
    expect(converged(comparison), describeComparison(comparison)).toBe(true);
    console.info(
      `[measure] 500 queued changes: killed after ${atKill} applied; ` +
        `the other ${500 - atKill} applied ${(drainMs / 1000).toFixed(1)} s after the restart`,
    );
  });
});
