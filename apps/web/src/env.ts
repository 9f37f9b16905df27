import path from 'node:path';
import { loadPreviousSecretKeys, loadSecretKey, readDbEnv } from '@youjian/db';
import { z } from 'zod';
import { parseTrustedProxies, type TrustedProxies } from './server/client-address';

/** The only place the web app reads the environment. */
const schema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required (postgres://…)'),
  BETTER_AUTH_SECRET: z.string().min(16).optional(),
  BETTER_AUTH_URL: z.url().default('http://localhost:3000'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  YOUJIAN_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'YOUJIAN_SMTP_URL must be smtp://… or smtps://…')
    .optional(),
  YOUJIAN_MAIL_FROM: z.string().min(3).default('Youjian <noreply@localhost>'),
});

/** What the HTTP layer needs (proxy.ts, server.ts): no database, no secrets. */
const surfaceSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  BETTER_AUTH_URL: z.url().default('http://localhost:3000'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  YOUJIAN_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((value, context) => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
});

export interface WebEnv {
  databaseUrl: string;
  authSecret: string;
  authUrl: string;
  /** AES-256-GCM key for mailbox secrets, shared with the worker */
  secretKey: Buffer;
  /** YOUJIAN_SECRET_KEY_PREVIOUS: keys that still open secrets sealed before a rotation */
  previousSecretKeys: Buffer[];
  /** how the product mails its own users (verification, password reset) */
  accountMail: { kind: 'smtp'; url: string; from: string } | { kind: 'outbox'; folder: string };
}

export interface SurfaceEnv {
  /** TCP port the web server listens on */
  port: number;
  /** the public URL is https: HSTS and Secure cookies */
  https: boolean;
  development: boolean;
  /** proxies whose X-Forwarded-For is believed (YOUJIAN_TRUSTED_PROXIES); none by default */
  trustedProxies: TrustedProxies;
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
    accountMail: parsed.YOUJIAN_SMTP_URL
      ? { kind: 'smtp', url: parsed.YOUJIAN_SMTP_URL, from: parsed.YOUJIAN_MAIL_FROM }
      : { kind: 'outbox', folder: path.join(readDbEnv(env).dataDir, 'outbox') },
  };
}

/** Throws a ZodError naming the variable when YOUJIAN_TRUSTED_PROXIES is malformed. */
export function readSurfaceEnv(env: NodeJS.ProcessEnv = process.env): SurfaceEnv {
  const parsed = surfaceSchema.parse(env);
  return {
    port: parsed.PORT,
    https: new URL(parsed.BETTER_AUTH_URL).protocol === 'https:',
    development: parsed.NODE_ENV === 'development',
    trustedProxies: parsed.YOUJIAN_TRUSTED_PROXIES,
  };
}
