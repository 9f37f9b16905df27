import { initTRPC, TRPCError } from '@trpc/server';
import type { Database, SecretBox } from '@youjian/db';
import superjson from 'superjson';
import { AppError, toTRPCError } from './errors';
import type { MailEventHub } from './lib/mail-event-hub';

export interface Context {
  db: Database;
  secretBox: SecretBox;
  /** the signed-in user, null without a session */
  userId: string | null;
  /** live mailbox events of this process (one LISTEN connection shared by all subscribers) */
  events: MailEventHub;
}

/** What the client reads of a failure we did not foresee: nothing about its cause. */
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. Please try again.';

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  /**
   * The one shape of every error response: a tRPC code, our appCode and, for a limit,
   * retryAfter seconds. An unforeseen failure (a database error, a bug) carries only
   * INTERNAL_SERVER_ERROR and a generic message — never SQL text, a constraint name or
   * a stack (OWASP ASVS 4 §7.4.1); the server logs the cause (route handler onError).
   */
  errorFormatter({ shape, error }) {
    const appError = error.cause instanceof AppError ? error.cause : null;
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      message: internal ? INTERNAL_ERROR_MESSAGE : shape.message,
      data: {
        ...data,
        appCode: appError?.code ?? null,
        retryAfter: appError?.retryAfterSeconds ?? null,
      },
    };
  },
});

/** Maps every error a procedure throws, in one place (errors.ts). */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error);
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in.' });
  return next({ ctx: { ...ctx, userId: ctx.userId } });
});

/** For middlewares defined beside the rule they enforce (lib/abuse-limits.ts). */
export const middleware = t.middleware;
