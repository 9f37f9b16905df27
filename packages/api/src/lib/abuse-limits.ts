import { consumeRateLimit, type Database, type RateLimitRule } from '@youjian/db';
import { z } from 'zod';
import { AppError } from '../errors';
import { middleware } from '../trpc';
import { requireOwnedAccount } from './owned-rows';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Limits of the procedures that reach other people's servers (OWASP ASVS 4 §11.1.4).
 * Linking logs in to a server the user names (each try is an IMAP and an SMTP login: QQ
 * throttles frequent logins, and the form must not become a scanner). Sending goes out
 * under the user's own provider account: QQ and NetEase publish no exact daily quota and
 * adjust it by sender reputation, and a mailbox over it is refused for the day or frozen
 * as a spammer — so each mailbox stays at 200 a day, well under what personal accounts
 * are reported to send, and each user at 20 per 10 minutes and 500 a day across mailboxes.
 */
export const API_LIMITS = {
  linkPerUser: { max: 10, windowSeconds: HOUR },
  sendPerUserBurst: { max: 20, windowSeconds: 10 * MINUTE },
  sendPerUserDay: { max: 500, windowSeconds: DAY },
  sendPerMailboxDay: { max: 200, windowSeconds: DAY },
} satisfies Record<string, RateLimitRule>;

/**
 * Counts one hit against each key in turn; throws AppError RATE_LIMITED with the wait
 * (retryAfterSeconds) at the first that is over its limit.
 */
export async function enforceLimits(
  db: Database,
  hits: Array<{ key: string; rule: RateLimitRule }>,
): Promise<void> {
  for (const { key, rule } of hits) {
    const verdict = await consumeRateLimit(db, key, rule);
    if (!verdict.allowed) {
      throw new AppError('RATE_LIMITED', 'Too many attempts. Try again later.', {
        retryAfterSeconds: verdict.retryAfterSeconds,
      });
    }
  }
}

/** Each mailbox link attempt of a signed-in user. */
export const linkLimit = middleware(async ({ ctx, next }) => {
  if (ctx.userId) {
    await enforceLimits(ctx.db, [{ key: `link:user:${ctx.userId}`, rule: API_LIMITS.linkPerUser }]);
  }
  return next();
});

const sendTarget = z.object({ accountId: z.uuid() });

/**
 * Each message sent: per user, then per mailbox. The mailbox is counted only once it is
 * known to be the user's, so nobody can spend another user's daily allowance.
 */
export const sendLimit = middleware(async ({ ctx, getRawInput, next }) => {
  const target = sendTarget.safeParse(await getRawInput());
  if (ctx.userId && target.success) {
    const { accountId } = target.data;
    await requireOwnedAccount(ctx.db, { userId: ctx.userId, accountId });
    await enforceLimits(ctx.db, [
      { key: `send:user:${ctx.userId}:burst`, rule: API_LIMITS.sendPerUserBurst },
      { key: `send:user:${ctx.userId}:day`, rule: API_LIMITS.sendPerUserDay },
      { key: `send:mailbox:${accountId}:day`, rule: API_LIMITS.sendPerMailboxDay },
    ]);
  }
  return next();
});
