import { consumeRateLimit, type Database } from '@youjian/db';
import type { BetterAuthOptions } from 'better-auth';
import { AUTH_LIMITS } from './abuse-limits';
import { type AccountMessageKind, accountMessage } from './account-messages';
import { ACCOUNT_PAGES, confirmAddressPath } from './account-pages';
import type { AccountMailer } from './mailer';

/** How long the links in account mail work, in seconds. */
export interface TokenLifetimes {
  /** the link that confirms an address; default 24 hours */
  verificationSeconds: number;
  /** the link that sets a new password; default 1 hour (OWASP: short-lived) */
  resetSeconds: number;
}

export const DEFAULT_TOKEN_LIFETIMES: TokenLifetimes = {
  verificationSeconds: 24 * 3600,
  resetSeconds: 3600,
};

interface MailSetup {
  db: Database;
  mailer: AccountMailer;
  baseURL: string;
  lifetimes: TokenLifetimes;
  log: (line: string) => void;
}

/**
 * The parts of Better Auth's options that send mail, decided for Youjian:
 * - An address must be confirmed before the first sign-in (ASVS 4 §2.1 / §3.7 at level 2
 *   ask for proof of the address before an account is trusted, and it is what lets
 *   sign-up not reveal whether an address is registered): sign-up never signs in and
 *   answers the same "check your mail" for a new and a taken address; the owner of a
 *   taken one gets a notice instead of a link. Signing in before confirming sends a new
 *   link (and is refused with EMAIL_NOT_VERIFIED, only after the right password).
 * - The link opens a page whose button signs the person in once (confirm-address.ts);
 *   used again it only leads to the sign-in page.
 * - A reset link is single-use, expires, is stored only as a hash, and the new password
 *   signs every session out.
 * Mail goes out in the background (never awaited by the request), so a request takes
 * the same time whether or not a mail was sent; at most a few mails per address an hour
 * (the extra ones are dropped, and the answer stays the same).
 */
export function accountMailOptions(setup: MailSetup) {
  const send = (kind: AccountMessageKind, to: string, link: string, request?: Request) => {
    const lifetimeSeconds =
      kind === 'reset' ? setup.lifetimes.resetSeconds : setup.lifetimes.verificationSeconds;
    return sendLimited(setup, to, {
      ...accountMessage(kind, {
        link,
        lifetimeSeconds,
        acceptLanguage: request?.headers.get('accept-language'),
      }),
    });
  };
  const origin = setup.baseURL.replace(/\/$/, '');
  const apiURL = `${origin}/api/auth`;
  // the links are built here, not taken from the request: they always lead to our pages
  // a page with a button, not Better Auth's GET: a scanner that follows the link confirms
  // nothing and is signed in as nobody (confirm-address.ts)
  const verifyLink = (token: string) => `${origin}${confirmAddressPath(token)}`;
  const resetLink = (token: string) =>
    `${apiURL}/reset-password/${encodeURIComponent(token)}?callbackURL=${encodeURIComponent(ACCOUNT_PAGES.resetPassword)}`;
  const forgotLink = `${origin}${ACCOUNT_PAGES.forgotPassword}`;

  return {
    emailAndPassword: {
      requireEmailVerification: true,
      autoSignIn: false,
      resetPasswordTokenExpiresIn: setup.lifetimes.resetSeconds,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, token }, request) =>
        send('reset', user.email, resetLink(token), request),
      onExistingUserSignUp: ({ user }, request) =>
        send('already-registered', user.email, forgotLink, request),
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: setup.lifetimes.verificationSeconds,
      sendVerificationEmail: ({ user, token }, request) =>
        send('verify', user.email, verifyLink(token), request),
    },
    // reset tokens are kept as SHA-256 hashes: a database dump holds no usable link
    verification: { storeIdentifier: 'hashed' },
    // answered before the mail is handed to SMTP, so timing says nothing of the address
    backgroundTasks: {
      handler: (task: Promise<unknown>) => {
        void task.catch((error: unknown) => setup.log(`account mail failed: ${String(error)}`));
      },
    },
  } satisfies Pick<BetterAuthOptions, 'emailVerification' | 'verification'> & {
    emailAndPassword: Partial<NonNullable<BetterAuthOptions['emailAndPassword']>>;
    backgroundTasks: NonNullable<NonNullable<BetterAuthOptions['advanced']>['backgroundTasks']>;
  };
}

/** Sends unless this address has had its hour's share of account mail. */
async function sendLimited(
  setup: MailSetup,
  to: string,
  message: { subject: string; text: string },
): Promise<void> {
  const verdict = await consumeRateLimit(
    setup.db,
    `account-mail:${to.trim().toLowerCase()}`,
    AUTH_LIMITS.accountMailPerAddress,
  );
  if (!verdict.allowed) {
    setup.log(`account mail to ${to} not sent: ${AUTH_LIMITS.accountMailPerAddress.max} this hour`);
    return;
  }
  await setup.mailer.send({ to, ...message });
}
