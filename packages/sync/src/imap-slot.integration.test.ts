import { dedicatedConnection } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHORT_SESSIONS_PER_ACCOUNT, takeImapSlot } from './imap-slot';

let testDb: TestDatabase;
const connections: pg.Client[] = [];

/** A connection of its own, as each web process's reading session has. */
async function connection(): Promise<pg.Client> {
  const client = dedicatedConnection(testDb.db);
  await client.connect();
  connections.push(client);
  return client;
}

/** Whether `promise` is still pending a while after its statement reached Postgres. */
function pending(promise: Promise<unknown>): Promise<boolean> {
  return Promise.race([
    promise.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 300)),
  ]);
}

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all(connections.map((c) => c.end().catch(() => undefined)));
  await testDb?.drop();
});

describe('short IMAP session slots per account', () => {
  it('are held by at most the cap at once; the next holder queues until one is freed', async () => {
    const accountId = crypto.randomUUID();
    const holders = await Promise.all(
      Array.from({ length: SHORT_SESSIONS_PER_ACCOUNT }, () => connection()),
    );
    const slots = await Promise.all(holders.map((c) => takeImapSlot(c, accountId)));
    expect(new Set(slots).size).toBe(SHORT_SESSIONS_PER_ACCOUNT);

    const waiting = takeImapSlot(await connection(), accountId);
    expect(await pending(waiting)).toBe(true);
    // a holder's connection ends (its session closed, or its process died): the slot frees
    await Promise.all(holders.map((c) => c.end()));
    await expect(waiting).resolves.toBeTypeOf('number');
  });

  it('keep accounts independent', async () => {
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    for (let i = 0; i < SHORT_SESSIONS_PER_ACCOUNT; i++) {
      await takeImapSlot(await connection(), a);
    }
    const other = takeImapSlot(await connection(), b);
    expect(await pending(other)).toBe(false);
  });
});
