import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dedicatedConnection, sql } from './index';
import { createTestDatabase, type TestDatabase } from './testing';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

describe('the database pool', () => {
  it('survives the server ending an idle connection, and the next query works', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { rows } = await testDb.db.$client.query<{ pid: number }>(
      'select pg_backend_pid() as pid',
    );
    const pid = rows[0]?.pid;
    expect(testDb.db.$client.idleCount).toBe(1);

    // what a Postgres restart or an administrator does to a connection nobody is using
    const admin = dedicatedConnection(testDb.db);
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    expect(String(warn.mock.calls[0]?.[0])).toContain('closed by the server');

    const again = await testDb.db.execute<{ ok: number }>(sql`select 1 as ok`);
    expect(again.rows[0]?.ok).toBe(1);
    warn.mockRestore();
  });

  it('runs without JIT compilation, on pooled and dedicated connections', async () => {
    const pooled = await testDb.db.execute<{ jit: string }>(sql`show jit`);
    expect(pooled.rows[0]?.jit).toBe('off');
    const own = dedicatedConnection(testDb.db);
    await own.connect();
    try {
      expect((await own.query('show jit')).rows[0]?.jit).toBe('off');
    } finally {
      await own.end();
    }
  });
});
