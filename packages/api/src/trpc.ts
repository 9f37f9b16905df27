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

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const appCode = error.cause instanceof AppError ? error.cause.code : null;
    return { ...shape, data: { ...shape.data, appCode } };
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
