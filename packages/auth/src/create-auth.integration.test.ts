import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieOf, signUpAndConfirm, stackMailer } from './account-mail.integration-helpers';
import { createAuth, getSession, handleAuthRequest } from './create-auth';

let database: TestDatabase;
let auth: ReturnType<typeof createAuth>;
const baseURL = 'http://localhost:3000';

beforeAll(async () => {
  database = await createTestDatabase();
  auth = createAuth({
    db: database.db,
    secret: 'a-test-secret-of-enough-length-000',
    baseURL,
    mailer: stackMailer(),
  });
});
// one address per run: the stack's accounts mailbox keeps earlier runs' mail
const newcomer = `new-${Date.now().toString(36)}@example.test`;

afterAll(async () => {
  await database?.drop();
});

const post = (path: string, body: unknown, origin = baseURL) =>
  auth.handler(
    new Request(`${baseURL}/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify(body),
    }),
  );

describe('e-mail and password accounts in our own tables', () => {
  it('signs a new user up, and in through the link mailed to them, with a session the server can read', async () => {
    const cookie = await signUpAndConfirm(
      (request) => handleAuthRequest(auth, request),
      baseURL,
      newcomer,
      'correct horse battery staple',
    );
    const session = await getSession(auth, new Headers({ cookie }));
    expect(session?.user.email).toBe(newcomer);
    expect(session?.user.emailVerified).toBe(true);
  });

  it('signs in again with the same password and refuses a wrong one', async () => {
    const ok = await post('/sign-in/email', {
      email: newcomer,
      password: 'correct horse battery staple',
    });
    expect(ok.status).toBe(200);
    const wrong = await post('/sign-in/email', {
      email: newcomer,
      password: 'nope-nope-nope',
    });
    expect(wrong.status).toBe(401);
  });

  it('accepts the same app reached as 127.0.0.1', async () => {
    const response = await post(
      '/sign-in/email',
      { email: newcomer, password: 'correct horse battery staple' },
      'http://127.0.0.1:3000',
    );
    expect(response.status).toBe(200);
  });

  it('has no session without a cookie', async () => {
    expect(await getSession(auth, new Headers())).toBeNull();
  });
});

describe('the password policy at sign-up (NIST SP 800-63B §5.1.1.2)', () => {
  it.each([
    ['short', 'plum tea'],
    ['common', 'qwerty123456'],
  ])('refuses a %s password with a code and creates no account', async (_, password) => {
    const response = await post('/sign-up/email', {
      email: `weak-${password.length}@example.test`,
      password,
      name: 'weak',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toMatch(
      /^PASSWORD_TOO_(SHORT|COMMON)$/,
    );
    const signIn = await post('/sign-in/email', {
      email: `weak-${password.length}@example.test`,
      password,
    });
    expect(signIn.status).toBe(401);
  });
});

describe('sessions', () => {
  it('sets Secure, __Secure- prefixed session cookies when the public URL is https', async () => {
    const secureURL = 'https://mail.example.test';
    const secure = createAuth({
      db: database.db,
      secret: 'a-test-secret-of-enough-length-000',
      baseURL: secureURL,
      mailer: stackMailer(),
    });
    const response = await secure.handler(
      new Request(`${secureURL}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: secureURL },
        body: JSON.stringify({
          email: newcomer,
          password: 'correct horse battery staple',
        }),
      }),
    );
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/^__Secure-/);
      expect(cookie).toMatch(/; Secure/i);
    }
  });

  it('signs out everywhere else: other sessions end, this one stays', async () => {
    const credentials = { email: newcomer, password: 'correct horse battery staple' };
    const laptop = cookieOf(await post('/sign-in/email', credentials));
    const phone = cookieOf(await post('/sign-in/email', credentials));
    const revoke = await auth.handler(
      new Request(`${baseURL}/api/auth/revoke-other-sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: baseURL, cookie: laptop },
        body: '{}',
      }),
    );
    expect(revoke.status).toBe(200);
    expect(await getSession(auth, new Headers({ cookie: phone }))).toBeNull();
    expect((await getSession(auth, new Headers({ cookie: laptop })))?.user.email).toBe(newcomer);
  });

  it('refuses a session read a moment ago as soon as it is revoked or signed out (session cache)', async () => {
    const credentials = { email: newcomer, password: 'correct horse battery staple' };
    const laptop = cookieOf(await post('/sign-in/email', credentials));
    const phone = cookieOf(await post('/sign-in/email', credentials));
    const sessionOf = (cookie: string) => getSession(auth, new Headers({ cookie }));
    // both read once, so both are in this process's session cache
    expect((await sessionOf(phone))?.user.email).toBe(newcomer);
    expect((await sessionOf(laptop))?.user.email).toBe(newcomer);
    const asLaptop = (path: string) =>
      auth.handler(
        new Request(`${baseURL}/api/auth${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: baseURL, cookie: laptop },
          body: '{}',
        }),
      );
    expect((await asLaptop('/revoke-other-sessions')).status).toBe(200);
    expect(await sessionOf(phone)).toBeNull();
    expect((await sessionOf(laptop))?.user.email).toBe(newcomer);
    expect((await asLaptop('/sign-out')).status).toBe(200);
    expect(await sessionOf(laptop)).toBeNull();
  });
});
