import { sql, verification } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import {
  accountMails,
  lastAccountMailUid,
  waitForAccountMail,
} from '@youjian/mailstack/account-mail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_LIMITS } from './abuse-limits';
import {
  cookieOf,
  linkMailedBy,
  pressConfirm,
  signUpAndConfirm,
  stackMailer,
} from './account-mail.integration-helpers';
import { ACCOUNT_MAIL_SUBJECTS } from './account-messages';
import { type Auth, createAuth, getSession, handleAuthRequest } from './create-auth';

/**
 * Account mail against the real stack: the product's mail goes out through the local
 * Postfix and is read back over IMAP from Dovecot (accounts@qq.test), links and all.
 */
let database: TestDatabase;
let auth: Auth;
const baseURL = 'http://localhost:3000';
const secret = 'a-test-secret-of-enough-length-000';
const password = 'a long passphrase of mine';
const run = Date.now().toString(36);
/** a fresh address per test and run: the accounts mailbox keeps earlier runs' mail */
let counter = 0;
const fresh = (label: string) => `${label}-${run}-${++counter}@example.test`;

beforeAll(async () => {
  database = await createTestDatabase();
  auth = createAuth({ db: database.db, secret, baseURL, mailer: stackMailer() });
});

afterAll(async () => {
  await database?.drop();
});

const handler = (client: string) => (request: Request) => {
  request.headers.set('x-youjian-client-address', client);
  return handleAuthRequest(auth, request);
};

function request(path: string, body?: unknown, headers: Record<string, string> = {}) {
  return new Request(`${baseURL}/api/auth${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', origin: baseURL, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const post = (path: string, body: unknown, client = '198.51.100.20', headers = {}) =>
  handler(client)(request(path, body, headers));

const signUpBody = (email: string) => ({ email, password, name: email.split('@')[0] });

/** What of a sign-up answer an observer compares: status, cookies, body shape. */
async function observable(response: Response) {
  const body = (await response.json()) as { token: unknown; user: Record<string, unknown> };
  return {
    status: response.status,
    setsCookie: response.headers.getSetCookie().length > 0,
    token: body.token,
    userKeys: Object.keys(body.user).sort(),
    emailVerified: body.user.emailVerified,
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

describe('confirming the address before the first sign-in (ASVS 4 §2.1, §3.7)', () => {
  it('signs nobody in at sign-up; the mailed link signs in once', async () => {
    const email = fresh('verify');
    const afterUid = await lastAccountMailUid(email);
    const signedUp = await post('/sign-up/email', signUpBody(email));
    expect(await observable(signedUp)).toMatchObject({
      status: 200,
      setsCookie: false,
      token: null,
    });

    // the right password before confirming: refused, and a new link is mailed
    const early = await post('/sign-in/email', { email, password });
    expect(early.status).toBe(403);
    expect(((await early.json()) as { code: string }).code).toBe('EMAIL_NOT_VERIFIED');

    const mail = await waitForAccountMail({
      to: email,
      subject: ACCOUNT_MAIL_SUBJECTS.verify,
      afterUid,
    });
    expect(mail.text).toContain('Youjian');
    expect(mail.text).toContain('确认');
    const link = mail.links[0] ?? '';
    expect(link).toMatch(/^http:\/\/localhost:3000\/confirm-address\?token=[^&]+$/);
    const token = new URL(link).searchParams.get('token') ?? '';

    // a scanner fetching Better Auth's own GET (or an old link) confirms nothing: 303 to the page
    const scanned = await handler('198.51.100.99')(
      new Request(`${baseURL}/api/auth/verify-email?token=${encodeURIComponent(token)}`),
    );
    expect(scanned.status).toBe(303);
    expect(scanned.headers.get('location')).toBe(
      `/confirm-address?token=${encodeURIComponent(token)}`,
    );
    expect(scanned.headers.getSetCookie()).toEqual([]);
    expect((await post('/sign-in/email', { email, password })).status).toBe(403);

    // the button pressed from another site (login CSRF): refused, nothing confirmed
    const forged = await pressConfirm(handler('198.51.100.66'), link, {
      origin: 'https://attacker.example',
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.getSetCookie()).toEqual([]);

    const confirmed = await pressConfirm(handler('198.51.100.20'), link);
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get('location')).toBe('/verified');
    const session = await getSession(auth, new Headers({ cookie: cookieOf(confirmed) }));
    expect(session?.user).toMatchObject({ email, emailVerified: true });

    // the same button again (a second click): no second session
    const again = await pressConfirm(handler('198.51.100.20'), link);
    expect(again.headers.getSetCookie()).toEqual([]);
    expect(again.headers.get('location')).toBe('/verified');

    expect((await post('/sign-in/email', { email, password })).status).toBe(200);
  });

  it('refuses a forged or altered link', async () => {
    const email = fresh('forged');
    const link = await linkMailedBy(email, 'verify', () =>
      post('/sign-up/email', signUpBody(email)),
    );
    const altered = link.replace(
      /token=([^&]+)/,
      (_, token: string) => `token=${token.slice(0, -2)}xx`,
    );
    const refused = await pressConfirm(handler('198.51.100.20'), altered);
    expect(refused.headers.get('location')).toBe('/verified?error=INVALID_TOKEN');
    expect(refused.headers.getSetCookie()).toEqual([]);
  });
});

describe('sign-up does not tell whether an address is registered', () => {
  it('answers a taken address as a new one, and mails its owner a notice instead of a link', async () => {
    const owner = fresh('owner');
    await signUpAndConfirm(handler('198.51.100.21'), baseURL, owner, password);
    const afterUid = await lastAccountMailUid(owner);

    const taken = await post(
      '/sign-up/email',
      { ...signUpBody(owner), password: 'another passphrase here' },
      '198.51.100.22',
    );
    const unused = await post('/sign-up/email', signUpBody(fresh('unused')), '198.51.100.22');
    const seenTaken = await observable(taken);
    expect(seenTaken).toEqual(await observable(unused));
    expect(seenTaken).toMatchObject({
      status: 200,
      setsCookie: false,
      token: null,
      emailVerified: false,
    });

    const notice = await waitForAccountMail({ to: owner, afterUid });
    expect(notice.subject).toBe(ACCOUNT_MAIL_SUBJECTS['already-registered']);
    // the only link (once per language) leads to the page that sends a reset link
    expect(new Set(notice.links)).toEqual(new Set([`${baseURL}/forgot-password`]));
    // the attempt changed nothing: the owner's password still works, the other one does not
    expect((await post('/sign-in/email', { email: owner, password }, '198.51.100.23')).status).toBe(
      200,
    );
    expect(
      (
        await post(
          '/sign-in/email',
          { email: owner, password: 'another passphrase here' },
          '198.51.100.23',
        )
      ).status,
    ).toBe(401);
  });

  it('takes comparable time for a taken and a new address (the mail is sent after the answer)', async () => {
    const owner = fresh('timing-owner');
    await signUpAndConfirm(handler('198.51.100.24'), baseURL, owner, password);
    const taken: number[] = [];
    const unused: number[] = [];
    for (let round = 0; round < 6; round++) {
      // alternate, from different client addresses, so the sign-up limit is not reached
      for (const [email, times] of [
        [owner, taken],
        [fresh('timing'), unused],
      ] as const) {
        const started = performance.now();
        const response = await post(
          '/sign-up/email',
          signUpBody(email),
          `198.51.100.${30 + round}`,
        );
        times.push(performance.now() - started);
        expect(response.status).toBe(200);
      }
    }
    const [takenMs, unusedMs] = [median(taken), median(unused)];
    console.info(`sign-up median: taken ${takenMs.toFixed(1)} ms, new ${unusedMs.toFixed(1)} ms`);
    // both hash the password (scrypt) and neither waits for SMTP; a new address only
    // adds two row inserts
    expect(Math.abs(takenMs - unusedMs)).toBeLessThan(
      Math.max(40, 0.5 * Math.min(takenMs, unusedMs)),
    );
  });
});

describe('password reset by mail', () => {
  it('answers an unknown address as a known one', async () => {
    const known = fresh('reset-known');
    await signUpAndConfirm(handler('198.51.100.40'), baseURL, known, password);
    const answers = [];
    for (const email of [known, fresh('reset-unknown')]) {
      const response = await post(
        '/request-password-reset',
        { email, redirectTo: '/reset-password' },
        '198.51.100.41',
      );
      answers.push({ status: response.status, body: await response.json() });
    }
    expect(answers[0]).toEqual(answers[1]);
  });

  it('mails a single-use link, applies the password rules, and signs every session out', async () => {
    const email = fresh('reset');
    const laptop = await signUpAndConfirm(handler('198.51.100.42'), baseURL, email, password);
    const link = await linkMailedBy(email, 'reset', () =>
      post('/request-password-reset', { email, redirectTo: '/reset-password' }, '198.51.100.42'),
    );
    expect(link).toMatch(
      /^http:\/\/localhost:3000\/api\/auth\/reset-password\/[\w-]+\?callbackURL=%2Freset-password$/,
    );
    const token = decodeURIComponent(link.split('/reset-password/')[1]?.split('?')[0] ?? '');

    // the token is kept only as a hash: a database dump holds no usable link
    const stored = await database.db
      .select({ identifier: verification.identifier })
      .from(verification);
    expect(stored.some((row) => row.identifier.includes(token))).toBe(false);

    // opening the link leads to the page with the token; it does not use it up
    const opened = await handler('198.51.100.42')(new Request(link));
    expect(opened.headers.get('location')).toBe(`${baseURL}/reset-password?token=${token}`);

    const common = await post(
      '/reset-password',
      { token, newPassword: 'password1234' },
      '198.51.100.42',
    );
    expect(common.status).toBe(400);
    expect(((await common.json()) as { code: string }).code).toBe('PASSWORD_TOO_COMMON');

    const newPassword = 'a brand new passphrase';
    expect((await post('/reset-password', { token, newPassword }, '198.51.100.42')).status).toBe(
      200,
    );
    expect(await getSession(auth, new Headers({ cookie: laptop }))).toBeNull();
    expect((await post('/sign-in/email', { email, password }, '198.51.100.43')).status).toBe(401);
    expect(
      (await post('/sign-in/email', { email, password: newPassword }, '198.51.100.43')).status,
    ).toBe(200);

    // used once: the same link neither opens nor sets a password again
    const reused = await post(
      '/reset-password',
      { token, newPassword: 'yet another passphrase' },
      '198.51.100.42',
    );
    expect(reused.status).toBe(400);
    expect(((await reused.json()) as { code: string }).code).toBe('INVALID_TOKEN');
    const reopened = await handler('198.51.100.42')(new Request(link));
    expect(reopened.headers.get('location')).toBe(`${baseURL}/reset-password?error=INVALID_TOKEN`);
  });

  it('is limited per account, from any client address, and recovers after the window', async () => {
    const email = fresh('reset-limit');
    await signUpAndConfirm(handler('198.51.100.50'), baseURL, email, password);
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= AUTH_LIMITS.resetMailPerAccount.max; attempt++) {
      const response = await post(
        '/request-password-reset',
        { email },
        `198.51.100.${60 + attempt}`,
      );
      statuses.push(response.status);
      if (response.status === 429) {
        expect(((await response.json()) as { code: string }).code).toBe('RATE_LIMITED');
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(50 * 60);
      }
    }
    expect(statuses).toEqual([...Array(AUTH_LIMITS.resetMailPerAccount.max).fill(200), 429]);

    await database.db.execute(
      sql`update rate_limit_bucket set window_started_at = now() - interval '61 minutes' where key like ${`reset-mail:account:${email}%`}`,
    );
    const link = await linkMailedBy(email, 'reset', () =>
      post('/request-password-reset', { email }, '198.51.100.70'),
    );
    expect(link).toContain('/api/auth/reset-password/');
  });
});

describe('links expire', () => {
  it('refuses a reset or verification link after its lifetime', async () => {
    const shortLived = createAuth({
      db: database.db,
      secret,
      baseURL,
      mailer: stackMailer(),
      lifetimes: { resetSeconds: 2, verificationSeconds: 2 },
    });
    const serve = (request: Request) => {
      request.headers.set('x-youjian-client-address', '198.51.100.80');
      return handleAuthRequest(shortLived, request);
    };
    const email = fresh('expiry');
    const verifyLink = await linkMailedBy(email, 'verify', () =>
      serve(request('/sign-up/email', signUpBody(email))),
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const late = await pressConfirm(serve, verifyLink);
    expect(late.headers.get('location')).toBe('/verified?error=TOKEN_EXPIRED');
    expect(late.headers.getSetCookie()).toEqual([]);

    // confirmed through a fresh link, then a reset link left to expire
    const fresh2 = await linkMailedBy(email, 'verify', () =>
      serve(request('/sign-in/email', { email, password })),
    );
    expect((await pressConfirm(serve, fresh2)).headers.get('location')).toBe('/verified');
    const resetLink = await linkMailedBy(email, 'reset', () =>
      serve(request('/request-password-reset', { email })),
    );
    const token = decodeURIComponent(resetLink.split('/reset-password/')[1]?.split('?')[0] ?? '');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const expired = await serve(
      request('/reset-password', { token, newPassword: 'a brand new passphrase' }),
    );
    expect(expired.status).toBe(400);
    expect(((await expired.json()) as { code: string }).code).toBe('INVALID_TOKEN');
    expect((await serve(new Request(resetLink))).headers.get('location')).toBe(
      `${baseURL}/reset-password?error=INVALID_TOKEN`,
    );
  });
});

describe('mail per address', () => {
  it('stops mailing one address after its hourly share, with the same answers', async () => {
    const email = fresh('flood');
    await signUpAndConfirm(handler('198.51.100.90'), baseURL, email, password);
    const before = (await accountMails(email)).length;
    for (let attempt = 0; attempt < AUTH_LIMITS.accountMailPerAddress.max + 2; attempt++) {
      const response = await post(
        '/sign-up/email',
        signUpBody(email),
        `198.51.100.${100 + attempt}`,
      );
      expect(response.status).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    // the sign-up mail counted too: at most the share in all
    expect((await accountMails(email)).length - before).toBe(
      AUTH_LIMITS.accountMailPerAddress.max - 1,
    );
  });
});
