import { loadPreviousSecretKeys, loadSecretKey, readDbEnv } from '@youjian/db';
import { z } from 'zod';

/** The only place the web app reads the environment. */
const schema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required (postgres://…)'),
  BETTER_AUTH_SECRET: z.string().min(16).optional(),
  BETTER_AUTH_URL: z.url().default('http://localhost:3000'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export interface WebEnv {
  databaseUrl: string;
  authSecret: string;
  authUrl: string;
  /** AES-256-GCM key for mailbox secrets, shared with the worker */
  secretKey: Buffer;
  /** YOUJIAN_SECRET_KEY_PREVIOUS: keys that still open secrets sealed before a rotation */
  previousSecretKeys: Buffer[];
}

const DEVELOPMENT_AUTH_SECRET = 'youjian-development-only-auth-secret';

export function readWebEnv(env: NodeJS.ProcessEnv = process.env): WebEnv {
  const parsed = schema.parse(env);
  if (parsed.NODE_ENV === 'production' && !parsed.BETTER_AUTH_SECRET) {
    // Better Auth would otherwise sign sessions with a guessable default
    throw new Error('BETTER_AUTH_SECRET is required in production');
  }
  return {
    databaseUrl: parsed.DATABASE_URL,
    authSecret: parsed.BETTER_AUTH_SECRET ?? DEVELOPMENT_AUTH_SECRET,
    authUrl: parsed.BETTER_AUTH_URL,
    secretKey: loadSecretKey(readDbEnv(env)),
    previousSecretKeys: loadPreviousSecretKeys(readDbEnv(env)),
  };
}
