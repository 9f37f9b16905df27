import { sql } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_LIMITS } from './abuse-limits';
import { signUpAndConfirm, stackMailer } from './account-mail.integration-helpers';
import { createAuth, handleAuthRequest } from './create-auth';

let database: TestDatabase;
// one address per run: the stack's accounts mailbox keeps earlier runs' mail
const victim = `victim-${Date.now().toString(36)}@example.test`;
let auth: ReturnType<typeof createAuth>;
const baseURL = 'http://localhost:3000';
const password = 'a long passphrase of mine';

beforeAll(async () => {
  database = await createTestDatabase();
  auth = createAuth({
    db: database.db,
    secret: 'a-test-secret-of-enough-length-000',
    baseURL,
    mailer: stackMailer(),
  });
});

afterAll(async () => {
  await database?.drop();
});

/** A request as the web server hands it on: the socket's address in the one header it sets. */
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  handleAuthRequest(
    auth,
    new Request(`${baseURL}/api/auth${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: baseURL,
        'x-youjian-client-address': '198.51.100.7',
        ...headers,
      },
      body: JSON.stringify(body),
    }),
  );

/** A confirmed account: signed up from another address, its mailed link followed. */
async function signUp(email: string, address = '198.51.100.200') {
  await signUpAndConfirm(
    (request) => {
      request.headers.set('x-youjian-client-address', address);
      return handleAuthRequest(auth, request);
    },
    baseURL,
    email,
    password,
  );
}

describe('sign-in limits', () => {
  it('a forged X-Forwarded-For does not buy more guesses at one account', async () => {
    await signUp(victim);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const response = await post(
        '/sign-in/email',
        { email: victim, password: `guess number ${attempt}` },
        { 'x-forwarded-for': `203.0.113.${attempt}` },
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('answers over the limit with a code and the wait in seconds, never the words', async () => {
    const response = await post('/sign-in/email', {
      email: victim,
      password: password,
    });
    expect(response.status).toBe(429);
    const body = (await response.json()) as { code: string; retryAfter: number };
    expect(body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(body.retryAfter).toBeGreaterThan(14 * 60);
    expect(Number(response.headers.get('retry-after'))).toBe(body.retryAfter);
  });

  it('limits one client address however many accounts it tries, forged header or not', async () => {
    const from = { 'x-youjian-client-address': '192.0.2.50' };
    const statuses: number[] = [];
    // a malformed body is refused at once (400), and still counts as an attempt
    for (let attempt = 0; attempt <= AUTH_LIMITS.signInPerAddress.max; attempt++) {
      const response = await post(
        '/sign-in/email',
        { email: `user${attempt}`, password: '' },
        { ...from, 'x-forwarded-for': `203.0.113.${attempt}` },
      );
      statuses.push(response.status);
    }
    expect(statuses.at(-2)).not.toBe(429);
    expect(statuses.at(-1)).toBe(429);
    const elsewhere = await post(
      '/sign-in/email',
      { email: 'user0@example.test', password: '' },
      { 'x-youjian-client-address': '192.0.2.51' },
    );
    expect(elsewhere.status).not.toBe(429);
  });

  it('recovers when the window has passed', async () => {
    await database.db.execute(
      sql`update rate_limit_bucket set window_started_at = now() - interval '16 minutes'`,
    );
    const response = await post('/sign-in/email', {
      email: victim,
      password,
    });
    expect(response.status).toBe(200);
  });
});

describe('sign-up and password reset limits', () => {
  it('allows a few sign-ups per client address and an hour', async () => {
    const from = { 'x-youjian-client-address': '192.0.2.77' };
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= AUTH_LIMITS.signUpPerAddress.max; attempt++) {
      const response = await post('/sign-up/email', { email: 'not an address' }, from);
      statuses.push(response.status);
    }
    expect(statuses.at(-2)).toBe(400);
    expect(statuses.at(-1)).toBe(429);
  });

  it('sends at most a few reset mails to one account, from any address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= AUTH_LIMITS.resetMailPerAccount.max; attempt++) {
      const response = await post(
        '/request-password-reset',
        { email: victim },
        { 'x-youjian-client-address': `192.0.2.${100 + attempt}` },
      );
      statuses.push(response.status);
    }
    expect(statuses.at(-2)).not.toBe(429);
    expect(statuses.at(-1)).toBe(429);
  });
});
