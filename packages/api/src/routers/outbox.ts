import { z } from 'zod';
import { cancelSend, listOutbox, retrySend } from '../services/outbox';
import { protectedProcedure } from '../trpc';

const outgoingRef = z.object({ accountId: z.uuid(), id: z.uuid() });

export const outboxRouter = {
  list: protectedProcedure.query(({ ctx }) => listOutbox({ db: ctx.db, userId: ctx.userId })),

  /** Undo in the toast, Cancel and Edit in the Outbox: compose's fields come back. */
  cancel: protectedProcedure
    .input(outgoingRef)
    .mutation(({ ctx, input }) => cancelSend({ db: ctx.db, userId: ctx.userId, ...input })),

  retry: protectedProcedure
    .input(outgoingRef)
    .mutation(({ ctx, input }) => retrySend({ db: ctx.db, userId: ctx.userId, ...input })),
};
