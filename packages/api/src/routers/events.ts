import { protectedProcedure } from '../trpc';

export const eventsRouter = {
  /** Mailbox changes of the signed-in user, pushed over SSE as the worker syncs. */
  onMailEvent: protectedProcedure.subscription(async function* ({ ctx, signal }) {
    yield* ctx.events.stream(ctx.userId, signal);
  }),
};
