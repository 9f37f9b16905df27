import { sql } from '@youjian/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleTrpcRequest, MAX_BATCH_SIZE } from './http-handler';
import {
  createProductUser,
  createTestApi,
  seedMailbox,
  type TestApi,
} from './test-support.integration-helpers';
import { INTERNAL_ERROR_MESSAGE } from './trpc';

let api: TestApi;
let userId: string;
const logged: unknown[] = [];

beforeAll(async () => {
  api = await createTestApi();
  userId = await createProductUser(api, 'http@example.test');
  await seedMailbox(api, userId, 'http@qq.test');
});

afterAll(async () => {
  await api?.close();
});

/** One request through the real HTTP handler, as the web app's route hands it on. */
function call(path: string, init: { method?: string; search?: string; body?: unknown } = {}) {
  const url = `http://localhost/api/trpc/${path}${init.search ?? ''}`;
  return handleTrpcRequest({
    request: new Request(url, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    endpoint: '/api/trpc',
    createContext: async () => ({
      db: api.database.db,
      secretBox: api.secretBox,
      events: api.events,
      userId,
    }),
    logInternalError: (_path, cause) => logged.push(cause),
  });
}

const input = (value: unknown) => `?input=${encodeURIComponent(JSON.stringify({ json: value }))}`;

describe('malformed requests are 400s', () => {
  it.each([
    ['a cursor that was never issued', input({ cursor: 'bm90IGEgY3Vyc29y' })],
    ['an account id that is not a uuid', input({ accountId: "1' or '1'='1" })],
    ['input that is not JSON', '?input=%7Bnot-json'],
  ])('answers 400 to %s', async (_, search) => {
    const response = await call('messages.list', { search });
    expect(response.status).toBe(400);
  });

  it('refuses a mutation sent as GET (405): no GET changes state', async () => {
    const response = await call('folders.create', {
      search: input({ accountId: crypto.randomUUID(), name: 'x' }),
    });
    expect(response.status).toBe(405);
  });
});

describe('batches are capped', () => {
  const batch = (size: number) =>
    call(`${Array.from({ length: size }, () => 'accounts.presets').join(',')}`, {
      search: `?batch=1&input=${encodeURIComponent('{}')}`,
    });

  it(`answers a batch of ${MAX_BATCH_SIZE}`, async () => {
    expect((await batch(MAX_BATCH_SIZE)).status).toBe(200);
  });

  it(`refuses a batch of ${MAX_BATCH_SIZE + 1} with 400, running none of it`, async () => {
    expect((await batch(MAX_BATCH_SIZE + 1)).status).toBe(400);
    expect((await batch(500)).status).toBe(400);
  });
});

describe('internal errors reach the client as a code and a generic message', () => {
  it('a database error shows no SQL, no table name and no stack', async () => {
    // a real database failure under a real procedure: its table is gone
    await api.database.db.execute(sql`drop table mail_account cascade`);
    const response = await call('accounts.list');
    expect(response.status).toBe(500);
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body.error.json.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(body.error.json.data.code).toBe('INTERNAL_SERVER_ERROR');
    expect(body.error.json.data.stack).toBeUndefined();
    for (const leak of ['mail_account', 'relation', 'select', 'does not exist', '.ts:', 'at ']) {
      expect(text.toLowerCase()).not.toContain(leak);
    }
    // the operator still learns what happened
    expect(String(logged.at(-1))).toContain('mail_account');
  });
});
