import { consumeRateLimit, type Database, type RateLimitRule } from '@youjian/db';
import type { BetterAuthOptions } from 'better-auth';
import { APIError } from 'better-auth/api';

/**
 * The one request header the web server sets to the client's address (the socket's, or
 * the forwarding header's behind a listed proxy) after deleting whatever the client
 * sent under that name. Nothing else is trusted for the address: X-Forwarded-For is
 * written by anyone.
 */
export const CLIENT_ADDRESS_HEADER = 'x-youjian-client-address';

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/**
 * Sign-ups an hour from one client address: `YOUJIAN_SIGN_UPS_PER_ADDRESS_PER_HOUR` when an
 * operator sets it (a school or an office where everyone signs up from one NAT address —
 * and the browser suite, whose every test is a new person on 127.0.0.1), else 10.
 */
function signUpsPerAddressPerHour(): number {
  const configured = Number(process.env.YOUJIAN_SIGN_UPS_PER_ADDRESS_PER_HOUR);
  return Number.isInteger(configured) && configured > 0 ? configured : 10;
}

/**
 * Limits of the account endpoints (OWASP ASVS 4 §2.2.1: anti-automation against
 * credential stuffing and brute force, at most 100 failed attempts per hour per account).
 * Per client address they allow an office behind one NAT; per account they stop a
 * distributed guesser at 40 guesses an hour whatever addresses it uses.
 */
export const AUTH_LIMITS = {
  signInPerAccount: { max: 10, windowSeconds: 15 * MINUTE },
  signInPerAddress: { max: 30, windowSeconds: 15 * MINUTE },
  signUpPerAddress: { max: signUpsPerAddressPerHour(), windowSeconds: HOUR },
  resetMailPerAccount: { max: 3, windowSeconds: HOUR },
  resetMailPerAddress: { max: 10, windowSeconds: HOUR },
  verificationMailPerAddress: { max: 5, windowSeconds: HOUR },
  /** mail of any kind the product sends one address (extra requests get the same answer, no mail) */
  accountMailPerAddress: { max: 6, windowSeconds: HOUR },
  resetPasswordPerAddress: { max: 10, windowSeconds: HOUR },
  otherPerAddress: { max: 600, windowSeconds: MINUTE },
} satisfies Record<string, RateLimitRule>;

const asBetterAuthRule = ({ max, windowSeconds }: RateLimitRule) => ({
  max,
  window: windowSeconds,
});

/**
 * Better Auth's own limiter, keyed by client address and endpoint, counting in Postgres
 * through consumeRateLimit (atomic, shared by every process) instead of its memory store.
 */
export function rateLimitOptions(db: Database): NonNullable<BetterAuthOptions['rateLimit']> {
  return {
    // on in every environment: a limit that only production has is a limit never tested
    enabled: true,
    ...asBetterAuthRule(AUTH_LIMITS.otherPerAddress),
    customRules: {
      '/sign-in/*': asBetterAuthRule(AUTH_LIMITS.signInPerAddress),
      '/sign-up/*': asBetterAuthRule(AUTH_LIMITS.signUpPerAddress),
      '/request-password-reset': asBetterAuthRule(AUTH_LIMITS.resetMailPerAddress),
      '/send-verification-email': asBetterAuthRule(AUTH_LIMITS.verificationMailPerAddress),
      '/reset-password': asBetterAuthRule(AUTH_LIMITS.resetPasswordPerAddress),
      '/change-password': asBetterAuthRule(AUTH_LIMITS.resetPasswordPerAddress),
    },
    customStorage: {
      consume: async (key, rule) => {
        const verdict = await consumeRateLimit(db, `auth:${key}`, {
          max: rule.max,
          windowSeconds: rule.window,
        });
        return verdict.allowed
          ? { allowed: true, retryAfter: null }
          : { allowed: false, retryAfter: verdict.retryAfterSeconds };
      },
    },
  };
}

/** The per-account rule of an endpoint whose body names an account, if it has one. */
const PER_ACCOUNT: Record<string, { name: string; rule: RateLimitRule }> = {
  '/sign-in/email': { name: 'sign-in', rule: AUTH_LIMITS.signInPerAccount },
  '/request-password-reset': { name: 'reset-mail', rule: AUTH_LIMITS.resetMailPerAccount },
};

/**
 * Counts a request against the account its body names (the address, lower case) and
 * throws a 429 APIError with code RATE_LIMITED, `retryAfter` seconds and a Retry-After
 * header (RFC 9110 §10.2.3) when that account has had too many. Counting per account
 * is what a guesser rotating client addresses cannot escape.
 */
export async function limitPerAccount(db: Database, path: string, body: unknown): Promise<void> {
  const limit = PER_ACCOUNT[path];
  const email = (body as { email?: unknown } | undefined)?.email;
  if (!limit || typeof email !== 'string') return;
  const verdict = await consumeRateLimit(
    db,
    `${limit.name}:account:${email.trim().toLowerCase()}`,
    limit.rule,
  );
  if (!verdict.allowed) throw rateLimited(verdict.retryAfterSeconds);
}

/** The answer to a request over a limit: code and wait, the words are the client's. */
export function rateLimited(retryAfterSeconds: number): APIError {
  return new APIError(
    'TOO_MANY_REQUESTS',
    {
      code: 'RATE_LIMITED',
      message: 'Too many attempts. Try again later.',
      retryAfter: retryAfterSeconds,
    },
    { 'Retry-After': String(retryAfterSeconds), 'X-Retry-After': String(retryAfterSeconds) },
  );
}

/**
 * Better Auth's own limiter answers 429 with only a message and X-Retry-After; this gives
 * that answer the same body and Retry-After header as rateLimited, so the client reads
 * one shape. Other responses pass through untouched.
 */
export async function withRateLimitBody(response: Response): Promise<Response> {
  if (response.status !== 429 || response.headers.has('Retry-After')) return response;
  const retryAfter = Number(response.headers.get('X-Retry-After')) || 60;
  const limited = rateLimited(retryAfter);
  return new Response(JSON.stringify(limited.body), {
    status: 429,
    headers: {
      'content-type': 'application/json',
      ...Object.fromEntries(new Headers(limited.headers)),
    },
  });
}
