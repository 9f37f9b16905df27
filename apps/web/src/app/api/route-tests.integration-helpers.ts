import crypto from 'node:crypto';
import { eq, user } from '@youjian/db';
import type { TestApi } from '../../../../../packages/api/src/test-support.integration-helpers';

export const TEST_BASE_URL = 'http://localhost:3000';

/**
 * Points the web app's services (env.ts, read on first use) at `api`'s database with
 * fresh keys, as a route module called in a test finds them.
 */
export function useTestEnvironment(api: TestApi, extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    DATABASE_URL: api.database.url,
    BETTER_AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    BETTER_AUTH_URL: TEST_BASE_URL,
    YOUJIAN_SECRET_KEY: crypto.randomBytes(32).toString('base64'),
    ...extra,
  });
}

/** Signs a product user up through the real auth route: their user id and session cookie. */
export async function signUpThroughRoute(
  api: TestApi,
  email: string,
): Promise<{ id: string; cookie: string }> {
  const auth = (await import('./auth/[...all]/route')) as {
    POST: (r: Request) => Promise<Response>;
  };
  const signedUp = await auth.POST(
    new Request(`${TEST_BASE_URL}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: TEST_BASE_URL },
      body: JSON.stringify({ email, password: 'a long passphrase of mine', name: email }),
    }),
  );
  const cookie = signedUp.headers
    .getSetCookie()
    .map((entry) => entry.split(';')[0])
    .join('; ');
  const [row] = await api.database.db
    .select({ id: user.id })
    .from(user)
    .where(eq(user.email, email));
  if (!row) throw new Error(`sign-up of ${email} failed: ${signedUp.status}`);
  return { id: row.id, cookie };
}
