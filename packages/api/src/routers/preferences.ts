import { z } from 'zod';
import { getPreferences } from '../services/get-preferences';
import { UNDO_SEND_RANGE } from '../services/send-timing';
import { updatePreferences } from '../services/update-preferences';
import { protectedProcedure } from '../trpc';

export const updatePreferencesInput = z
  .object({
    locale: z.enum(['en', 'zh-CN']),
    theme: z.enum(['system', 'light', 'dark']),
    density: z.enum(['comfortable', 'compact']),
    readingMode: z.enum(['conversation', 'message']),
    /** the undo-send delay; Settings offers 0–30 s */
    undoSendSeconds: z.number().int().min(UNDO_SEND_RANGE.min).max(UNDO_SEND_RANGE.max),
    /** one of the user's linked mailboxes, or null for "the first linked" */
    defaultAccountId: z.uuid().nullable(),
    readingPane: z.enum(['right', 'bottom']),
  })
  .partial();

export const preferencesRouter = {
  get: protectedProcedure.query(({ ctx }) => getPreferences({ db: ctx.db, userId: ctx.userId })),

  update: protectedProcedure
    .input(updatePreferencesInput)
    .mutation(({ ctx, input }) =>
      updatePreferences({ db: ctx.db, userId: ctx.userId, change: input }),
    ),
};
