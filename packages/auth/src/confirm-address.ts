import { ACCOUNT_PAGES, confirmAddressPath } from './account-pages';

/** Better Auth's endpoint that consumes a verification token (under /api/auth). */
export const VERIFY_EMAIL_PATH = '/verify-email';

/** Serves one request with Better Auth (Request in, Response out). */
type AuthHandler = (request: Request) => Promise<Response>;

/**
 * The verification link as Youjian serves it. Better Auth confirms an address and signs
 * the person in on a GET of /api/auth/verify-email; mail scanners and link previews
 * fetch every link in a mail, so such a GET would confirm the address, and hand a
 * session, to whatever machine looked first — and a GET must not change state (issue
 * 13; RFC 9110 §9.2.1: GET is safe). So:
 * - GET /api/auth/verify-email?token=… (links mailed before this change, and anything
 *   that follows one) changes nothing: 303 to the page /confirm-address?token=…, where a
 *   person presses "Confirm my address";
 * - that page's form POSTs the token here; from a trusted origin only (a cross-site form
 *   could otherwise sign a victim into the attacker's account — login CSRF, OWASP), the
 *   token is handed to Better Auth's GET, server-side, with the caller's headers, and its
 *   answer (302 to /verified, the session cookie) is returned as it is.
 *
 * Takes the request and Better Auth's handler; returns the response; never throws for
 * bad input (a missing token is Better Auth's own INVALID_TOKEN redirect).
 */
export async function serveVerifyEmail(
  request: Request,
  handler: AuthHandler,
  trustedOrigins: readonly string[],
): Promise<Response> {
  const url = new URL(request.url);
  if (request.method === 'GET') {
    const page = confirmAddressPath(url.searchParams.get('token') ?? '');
    return new Response(null, { status: 303, headers: { location: page } });
  }
  if (request.method !== 'POST') return new Response(null, { status: 405 });
  const origin = request.headers.get('origin');
  if (!origin || !trustedOrigins.includes(origin)) {
    return Response.json({ code: 'UNTRUSTED_ORIGIN' }, { status: 403 });
  }
  const token = await tokenOf(request);
  const target = new URL(url.pathname, url.origin);
  target.searchParams.set('token', token);
  target.searchParams.set('callbackURL', ACCOUNT_PAGES.verified);
  const headers = new Headers(request.headers);
  headers.delete('content-type');
  headers.delete('content-length');
  return handler(new Request(target, { method: 'GET', headers }));
}

/** The token of the confirm form (application/x-www-form-urlencoded) or a JSON body. */
async function tokenOf(request: Request): Promise<string> {
  const type = request.headers.get('content-type') ?? '';
  try {
    if (type.includes('application/json')) {
      const body = (await request.json()) as { token?: unknown };
      return typeof body.token === 'string' ? body.token : '';
    }
    const value = (await request.formData()).get('token');
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}
