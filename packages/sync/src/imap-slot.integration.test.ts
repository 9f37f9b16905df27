import { closeDb, createDb } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHORT_SESSIONS_PER_ACCOUNT, withImapSlot } from './imap-slot';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

describe('short IMAP sessions per account', () => {
  it('never run more than the cap at once, across separate database clients', async () => {
    // two clients stand for two web processes sharing the database
    const other = createDb(testDb.url);
    const accountId = crypto.randomUUID();
    let open = 0;
    let most = 0;
    const session = async () => {
      open += 1;
      most = Math.max(most, open);
      await new Promise((resolve) => setTimeout(resolve, 100));
      open -= 1;
    };
    try {
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          withImapSlot(i % 2 === 0 ? testDb.db : other, accountId, session),
        ),
      );
    } finally {
      await closeDb(other);
    }
    expect(most).toBe(SHORT_SESSIONS_PER_ACCOUNT);
  });

  it('keep accounts independent and free a slot when the work fails', async () => {
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    await expect(
      withImapSlot(testDb.db, a, async () => {
        throw new Error('login refused');
      }),
    ).rejects.toThrow('login refused');
    let running = 0;
    let most = 0;
    const session = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 100));
      running -= 1;
    };
    const all = [a, a, b, b].map((id) => withImapSlot(testDb.db, id, session));
    await Promise.all(all);
    expect(most).toBe(2 * SHORT_SESSIONS_PER_ACCOUNT);
  });
});
