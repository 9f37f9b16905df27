import { account, type Database, session, user, verification } from '@youjian/db';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import {
  CLIENT_ADDRESS_HEADER,
  limitPerAccount,
  rateLimitOptions,
  withRateLimitBody,
} from './abuse-limits';
import {
  accountMailOptions,
  DEFAULT_TOKEN_LIFETIMES,
  type TokenLifetimes,
} from './account-mail-options';
import { serveVerifyEmail, VERIFY_EMAIL_PATH } from './confirm-address';
import type { AccountMailer } from './mailer';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy';
import { type CachedSession, createSessionCache, type SessionCache } from './session-cache';

export interface CreateAuthOptions {
  db: Database;
  /** BETTER_AUTH_SECRET: signs session cookies */
  secret: string;
  /** public origin of the web app, e.g. http://localhost:3000 */
  baseURL: string;
  /** sends verification, notice and reset mail (the operator's SMTP, or the outbox) */
  mailer: AccountMailer;
  /** how long account links work; tests shorten them */
  lifetimes?: Partial<TokenLifetimes>;
  /** where a failed or skipped account mail is reported; default console.error */
  log?: (line: string) => void;
}

/**
 * How long a process trusts a session it has read without reading it again: what a session
 * ended through another web process (or by SQL) may still do here (docs/security.md).
 */
export const SESSION_CACHE_TTL_MS = 10_000;
const SESSION_CACHE_ENTRIES = 10_000;

/**
 * Where createAuth keeps an instance's session cache, on the instance itself: Next.js
 * bundles this module once per route, so a module-level map filled by the copy that made
 * the instance (the first route to call services()) would be empty in the others.
 */
const SESSION_CACHE = Symbol.for('youjian.auth.sessionCache');

function sessionCacheOf(auth: object): SessionCache<CachedSession> | undefined {
  return (auth as { [SESSION_CACHE]?: SessionCache<CachedSession> })[SESSION_CACHE];
}

/** Endpoints that set a password, and the body field that carries it. */
const NEW_PASSWORD_FIELD: Record<string, 'password' | 'newPassword'> = {
  '/sign-up/email': 'password',
  '/reset-password': 'newPassword',
  '/change-password': 'newPassword',
};

/**
 * Better Auth for Youjian: e-mail + password accounts stored in our own tables, addresses
 * confirmed by mail before the first sign-in and passwords reset by mail
 * (account-mail-options.ts), abuse limits counted in Postgres, the password policy of
 * password-policy.ts, and session cookies that are Secure (and __Secure- prefixed)
 * whenever the public URL is https.
 */
export function createAuth({ db, secret, baseURL, mailer, lifetimes, log }: CreateAuthOptions) {
  const mail = accountMailOptions({
    db,
    mailer,
    baseURL,
    lifetimes: { ...DEFAULT_TOKEN_LIFETIMES, ...lifetimes },
    log: log ?? ((line) => console.error(line)),
  });
  const sessions = createSessionCache<CachedSession>({
    ttlMs: SESSION_CACHE_TTL_MS,
    maxEntries: SESSION_CACHE_ENTRIES,
  });
  const auth = betterAuth({
    appName: 'Youjian',
    secret,
    baseURL,
    basePath: '/api/auth',
    trustedOrigins: loopbackAliases(baseURL),
    database: drizzleAdapter(db, {
      provider: 'pg',
      // The tables are hand-written in @youjian/db (Better Auth's CLI does not run on Node 20).
      schema: { user, session, account, verification },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      ...mail.emailAndPassword,
    },
    emailVerification: mail.emailVerification,
    // Settings → Delete account: Better Auth's /delete-user ends the sessions and removes
    // the user row; every mirror row and sealed 授权码 goes with it (ON DELETE CASCADE)
    user: { deleteUser: { enabled: true } },
    verification: mail.verification,
    rateLimit: rateLimitOptions(db),
    advanced: {
      // the web server writes the client's address into this header and nowhere else
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      // decided by the public URL, not by NODE_ENV: an https deployment in any mode
      useSecureCookies: new URL(baseURL).protocol === 'https:',
      backgroundTasks: mail.backgroundTasks,
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        await limitPerAccount(db, ctx.path, ctx.body);
        // deleting the account always asks for the password, however fresh the session
        if (ctx.path === '/delete-user' && typeof ctx.body?.password !== 'string') {
          throw new APIError('BAD_REQUEST', {
            code: 'PASSWORD_REQUIRED',
            message: 'Enter your password.',
          });
        }
        const field = NEW_PASSWORD_FIELD[ctx.path];
        const candidate = field ? (ctx.body as Record<string, unknown> | undefined)?.[field] : null;
        if (typeof candidate !== 'string') return;
        const email = (ctx.body as { email?: unknown }).email;
        const problem = passwordProblem(candidate, {
          email: typeof email === 'string' ? email : undefined,
        });
        if (problem) {
          throw new APIError('BAD_REQUEST', {
            code: `PASSWORD_${problem}`,
            message: 'Choose another password.',
          });
        }
      }),
      // any endpoint but get-session may end or change a session (sign-out, revoke,
      // password change or reset, account deletion): forget every cached one, at once
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/get-session') sessions.clear();
      }),
    },
  });
  Object.defineProperty(auth, SESSION_CACHE, { value: sessions });
  return auth;
}

export type Auth = ReturnType<typeof createAuth>;
export type AuthSession = Auth['$Infer']['Session'];

/**
 * Serves one /api/auth request; a 429 always carries code RATE_LIMITED and Retry-After.
 * The verification link is served by confirm-address.ts: its GET changes nothing.
 */
export async function handleAuthRequest(auth: Auth, request: Request): Promise<Response> {
  const serve = async (inner: Request) => withRateLimitBody(await auth.handler(inner));
  if (new URL(request.url).pathname.endsWith(VERIFY_EMAIL_PATH)) {
    return serveVerifyEmail(request, serve, auth.options.trustedOrigins ?? []);
  }
  return serve(request);
}

/**
 * Better Auth rejects requests whose Origin is not trusted; a local install is reached
 * as localhost and as 127.0.0.1 alike, so both spellings of the base URL are trusted.
 */
export function loopbackAliases(baseURL: string): string[] {
  const origin = new URL(baseURL);
  const origins = [origin.origin];
  const twin = { localhost: '127.0.0.1', '127.0.0.1': 'localhost' }[origin.hostname];
  if (twin) {
    const alias = new URL(origin.origin);
    alias.hostname = twin;
    origins.push(alias.origin);
  }
  return origins;
}

/**
 * The signed-in user and session for a request's headers, or null. Read through the
 * instance's session cache (session-cache.ts) keyed by the Cookie header: at most
 * SESSION_CACHE_TTL_MS old, and never older than this process's last sign-out, revocation
 * or password change.
 */
export async function getSession(auth: Auth, headers: Headers): Promise<AuthSession | null> {
  const cookie = headers.get('cookie');
  const sessions = sessionCacheOf(auth);
  if (!cookie || !sessions) return auth.api.getSession({ headers });
  // the cache holds what auth.api.getSession returned for this same Cookie header
  return (await sessions.read(cookie, () =>
    auth.api.getSession({ headers }),
  )) as AuthSession | null;
}
