import { account, type Database, session, user, verification } from '@youjian/db';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';

export interface CreateAuthOptions {
  db: Database;
  /** BETTER_AUTH_SECRET: signs session cookies */
  secret: string;
  /** public origin of the web app, e.g. http://localhost:3000 */
  baseURL: string;
}

/** Better Auth for Youjian: e-mail + password accounts stored in our own tables. */
export function createAuth({ db, secret, baseURL }: CreateAuthOptions) {
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
    emailAndPassword: { enabled: true, autoSignIn: true },
  });
}

export type Auth = ReturnType<typeof createAuth>;
export type AuthSession = Auth['$Infer']['Session'];

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
