import crypto from 'node:crypto';
import { eq, user } from '@youjian/db';
import type { TestApi } from '../../../../../packages/api/src/test-support.integration-helpers';
import { signUpAndConfirm } from '../../../../../packages/auth/src/account-mail.integration-helpers';

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

/**
 * Signs a product user up through the real auth route, confirming the address through the
 * link mailed to it (read from the local stack): their user id and session cookie.
 */
export async function signUpThroughRoute(
  api: TestApi,
  email: string,
): Promise<{ id: string; cookie: string }> {
  const auth = (await import('./auth/[...all]/route')) as {
    GET: (r: Request) => Promise<Response>;
  };
  const cookie = await signUpAndConfirm(auth.GET, TEST_BASE_URL, email);
  const [row] = await api.database.db
    .select({ id: user.id })
    .from(user)
    .where(eq(user.email, email));
  if (!row) throw new Error(`sign-up of ${email} failed`);
  return { id: row.id, cookie };
}
