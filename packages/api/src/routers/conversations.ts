import { z } from 'zod';
import { getConversation } from '../services/get-conversation';
import { listConversations } from '../services/list-conversations';
import { protectedProcedure } from '../trpc';
import { listMessagesInput } from './messages';

/** A folder or unified view as messages.list takes it, without a search (a search lists messages). */
export const listConversationsInput = listMessagesInput.omit({ query: true, timeZone: true });

export const getConversationInput = z.object({ accountId: z.uuid(), messageId: z.uuid() });

export const conversationsRouter = {
  list: protectedProcedure.input(listConversationsInput).query(({ ctx, input }) =>
    listConversations({
      db: ctx.db,
      userId: ctx.userId,
      ...input,
      cursor: input.cursor ?? undefined,
    }),
  ),

  get: protectedProcedure
    .input(getConversationInput)
    .query(({ ctx, input }) => getConversation({ db: ctx.db, userId: ctx.userId, ...input })),
};
