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
  return betterAuth({
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
    },
  });
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

/** The signed-in user and session for a request's headers, or null. */
export async function getSession(auth: Auth, headers: Headers): Promise<AuthSession | null> {
  return auth.api.getSession({ headers });
}
