import { TRPCError } from '@trpc/server';
import { sql } from '@youjian/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleTrpcRequest } from './http-handler';
import { API_LIMITS } from './lib/abuse-limits';
import {
  createProductUser,
  createTestApi,
  seedMailbox,
  type TestApi,
} from './test-support.integration-helpers';

let api: TestApi;
let alice: string;
let mallory: string;
let aliceQQ: string;
let alice163: string;

beforeAll(async () => {
  api = await createTestApi();
  alice = await createProductUser(api, 'alice@example.test');
  mallory = await createProductUser(api, 'mallory@example.test');
  aliceQQ = (await seedMailbox(api, alice, 'alice@qq.test')).accountId;
  alice163 = (await seedMailbox(api, alice, 'alice@163.test')).accountId;
});

afterAll(async () => {
  await api?.close();
});

const mail = (accountId: string) => ({
  accountId,
  to: 'bob@163.test',
  cc: '',
  subject: 'hello',
  text: 'hi',
});

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('sending limits', () => {
  it('sends a burst of 20 and refuses the 21st with the wait, over HTTP as code + retryAfter', async () => {
    for (let sent = 0; sent < API_LIMITS.sendPerUserBurst.max; sent++) {
      await api.callerFor(alice).messages.send(mail(sent % 2 ? aliceQQ : alice163));
    }
    const response = await handleTrpcRequest({
      request: new Request('http://localhost/api/trpc/messages.send', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: mail(aliceQQ) }),
      }),
      endpoint: '/api/trpc',
      createContext: async () => ({
        db: api.database.db,
        secretBox: api.secretBox,
        events: api.events,
        userId: alice,
      }),
    });
    expect(response.status).toBe(429);
    const { error } = (await response.json()) as {
      error: { json: { data: { appCode: string; retryAfter: number } } };
    };
    expect(error.json.data.appCode).toBe('RATE_LIMITED');
    expect(error.json.data.retryAfter).toBeGreaterThan(9 * 60);
    expect(error.json.data.retryAfter).toBeLessThanOrEqual(10 * 60);
  });

  it('recovers when the 10 minutes have passed', async () => {
    await api.database.db.execute(
      sql`update rate_limit_bucket set window_started_at = now() - interval '11 minutes'
          where key like 'send:user:%:burst'`,
    );
    await expect(api.callerFor(alice).messages.send(mail(aliceQQ))).resolves.toMatchObject({
      id: expect.any(String),
    });
  });

  it("keeps each mailbox under the provider's daily limit, the other mailbox still sends", async () => {
    await api.database.db.execute(
      sql`update rate_limit_bucket set hits = ${API_LIMITS.sendPerMailboxDay.max}
          where key = ${`send:mailbox:${aliceQQ}:day`}`,
    );
    const error = await refusal(api.callerFor(alice).messages.send(mail(aliceQQ)));
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    await expect(api.callerFor(alice).messages.send(mail(alice163))).resolves.toBeTruthy();
  });

  it("cannot spend another user's mailbox allowance", async () => {
    const key = `send:mailbox:${alice163}:day`;
    const hits = async () =>
      (
        await api.database.db.execute<{ hits: number }>(
          sql`select hits from rate_limit_bucket where key = ${key}`,
        )
      ).rows[0]?.hits;
    const before = await hits();
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await refusal(api.callerFor(mallory).messages.send(mail(alice163)))).code).toBe(
        'NOT_FOUND',
      );
    }
    expect(await hits()).toBe(before);
  });
});

describe('linking limits', () => {
  it('allows 10 link attempts an hour, then says how long to wait', async () => {
    const attempt = () =>
      api.callerFor(mallory).accounts.link({
        provider: 'custom',
        address: 'mallory@example.test',
        authCode: 'guess',
        custom: {
          imap: { host: '10.0.0.1', port: 993, security: 'tls' },
          smtp: { host: '10.0.0.1', port: 465, security: 'tls' },
        },
      });
    for (let tried = 0; tried < API_LIMITS.linkPerUser.max; tried++) {
      expect((await refusal(attempt())).code).not.toBe('TOO_MANY_REQUESTS');
    }
    const limited = await refusal(attempt());
    expect(limited.code).toBe('TOO_MANY_REQUESTS');
    expect((limited.cause as { retryAfterSeconds?: number }).retryAfterSeconds).toBeGreaterThan(
      59 * 60,
    );
  });
});
