import { lastAccountMailUid, waitForAccountMail } from '@youjian/mailstack/account-mail';
import { ACCOUNT_MAIL_SUBJECTS, type AccountMessageKind } from './account-messages';
import { type AccountMailer, createSmtpMailer } from './mailer';

/** The product's SMTP as the tests configure it (providerEnv: the local Postfix). */
export function stackMailer(): AccountMailer {
  const url = process.env.YOUJIAN_SMTP_URL;
  const from = process.env.YOUJIAN_MAIL_FROM;
  if (!url || !from)
    throw new Error('YOUJIAN_SMTP_URL and YOUJIAN_MAIL_FROM: run with providerEnv()');
  return createSmtpMailer({ url, from });
}

/** Serves one request as the auth route does (Request in, Response out). */
export type AuthRequestHandler = (request: Request) => Promise<Response>;

/**
 * Runs `act` (which makes the product send `kind` of mail to `email`) and returns the link
 * of the mail that arrived because of it — never an older mail to the same address.
 */
export async function linkMailedBy(
  email: string,
  kind: AccountMessageKind,
  act: () => Promise<unknown>,
): Promise<string> {
  const afterUid = await lastAccountMailUid(email);
  await act();
  const mail = await waitForAccountMail({
    to: email,
    subject: ACCOUNT_MAIL_SUBJECTS[kind],
    afterUid,
  });
  const link = mail.links[0];
  if (!link) throw new Error(`the ${kind} mail to ${email} has no link`);
  return link;
}

/**
 * What the button of the page a verification link opens does: POSTs the link's token as
 * a form to /api/auth/verify-email, from the page's own origin (`headers` may override).
 */
export function pressConfirm(
  handler: AuthRequestHandler,
  link: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const page = new URL(link);
  return handler(
    new Request(`${page.origin}/api/auth/verify-email`, {
      method: 'POST',
      headers: { origin: page.origin, ...headers },
      body: new URLSearchParams({ token: page.searchParams.get('token') ?? '' }),
    }),
  );
}

/** The cookies a response sets, as one Cookie header. */
export const cookieOf = (response: Response): string =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');

/**
 * Signs `email` up through `handler` as a person would — the form, then the link in the
 * verification mail read from the local stack — and returns the session cookie the link
 * sets. Throws when sign-up is refused or no session comes of the link.
 */
export async function signUpAndConfirm(
  handler: AuthRequestHandler,
  baseURL: string,
  email: string,
  password = 'a long passphrase of mine',
): Promise<string> {
  const link = await linkMailedBy(email, 'verify', async () => {
    const response = await handler(
      new Request(`${baseURL}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: baseURL },
        body: JSON.stringify({ email, password, name: email.split('@')[0] }),
      }),
    );
    if (response.status !== 200) throw new Error(`sign-up of ${email}: ${response.status}`);
  });
  const confirmed = await pressConfirm(handler, link);
  const cookie = cookieOf(confirmed);
  if (!cookie.includes('session_token')) {
    throw new Error(`the verification link of ${email} gave no session (${confirmed.status})`);
  }
  return cookie;
}
