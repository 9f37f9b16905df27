import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Abuse-limit counters shared by every web process and worker (OWASP ASVS 4 §2.2.1,
 * §11.1.4): one row per key (`sign-in:ip:203.0.113.9`, `send:mailbox:<uuid>`), a fixed
 * window that starts with the first hit. Kept in Postgres, not in memory, so a limit
 * holds however many processes serve the product.
 */
export const rateLimitBucket = pgTable('rate_limit_bucket', {
  key: text('key').primaryKey(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
});
