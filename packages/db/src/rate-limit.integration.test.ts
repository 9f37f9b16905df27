import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, createDb, type Database } from './client';
import { sql } from './index';
import { consumeRateLimit } from './rate-limit';
import { createTestDatabase, type TestDatabase } from './testing';

let database: TestDatabase;
let otherProcess: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  // a second pool stands for a second web process on the same database
  otherProcess = createDb(database.url);
});

afterAll(async () => {
  await closeDb(otherProcess);
  await database?.drop();
});

const rule = { max: 3, windowSeconds: 60 };

describe('limits counted in Postgres', () => {
  it('allows max hits per window and then says how long to wait', async () => {
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await consumeRateLimit(database.db, 'k1', rule));
    expect(verdicts.slice(0, 3)).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
    expect(verdicts[3]).toMatchObject({ allowed: false });
    const wait = verdicts[3]?.allowed === false ? verdicts[3].retryAfterSeconds : 0;
    expect(wait).toBeGreaterThan(55);
    expect(wait).toBeLessThanOrEqual(60);
  });

  it('holds across processes: hits from two pools share one count', async () => {
    await consumeRateLimit(database.db, 'k2', rule);
    await consumeRateLimit(otherProcess, 'k2', rule);
    await consumeRateLimit(database.db, 'k2', rule);
    expect((await consumeRateLimit(otherProcess, 'k2', rule)).allowed).toBe(false);
  });

  it('lets exactly max of many simultaneous hits through', async () => {
    const verdicts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        consumeRateLimit(i % 2 ? database.db : otherProcess, 'k3', rule),
      ),
    );
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(3);
  });

  it('recovers when the window has passed', async () => {
    for (let i = 0; i < 4; i++) await consumeRateLimit(database.db, 'k4', rule);
    expect((await consumeRateLimit(database.db, 'k4', rule)).allowed).toBe(false);
    await database.db.execute(
      sql`update rate_limit_bucket set window_started_at = now() - interval '61 seconds' where key = 'k4'`,
    );
    expect(await consumeRateLimit(database.db, 'k4', rule)).toEqual({ allowed: true });
  });
});
