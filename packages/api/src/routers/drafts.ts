import { z } from 'zod';
import { inResponseTo } from '../lib/response-kind';
import { discardDraft, openDraft, saveDraft } from '../services/drafts';
import { protectedProcedure } from '../trpc';

export const saveDraftInput = z.object({
  accountId: z.uuid(),
  /** absent on the first save of a compose session */
  draftId: z.uuid().optional(),
  to: z.string().max(10_000),
  cc: z.string().max(10_000).default(''),
  subject: z.string().max(1_000),
  text: z.string().max(1_000_000),
  /** the editor's HTML (compose's hidden `html` field), kept so formatting survives */
  html: z.string().max(5_000_000).optional(),
  inResponseTo: inResponseTo.optional(),
});

export const draftsRouter = {
  save: protectedProcedure.input(saveDraftInput).mutation(({ ctx, input }) => {
    const { accountId, draftId, ...content } = input;
    return saveDraft({ db: ctx.db, userId: ctx.userId, accountId, draftId, content });
  }),

  discard: protectedProcedure
    .input(z.object({ draftId: z.uuid() }))
    .mutation(({ ctx, input }) => discardDraft({ db: ctx.db, userId: ctx.userId, ...input })),

  /** A message of a Drafts folder, as compose reopens it. */
  open: protectedProcedure
    .input(z.object({ accountId: z.uuid(), messageId: z.uuid() }))
    .mutation(({ ctx, input }) =>
      openDraft({ db: ctx.db, secretBox: ctx.secretBox, userId: ctx.userId, ...input }),
    ),
};
