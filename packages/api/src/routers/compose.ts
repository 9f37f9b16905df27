import { deleteComposeFiles } from '@youjian/sync';
import { z } from 'zod';
import { setSignature } from '../services/set-signature';
import { suggestRecipients } from '../services/suggest-recipients';
import { protectedProcedure } from '../trpc';

export const suggestRecipientsInput = z.object({ query: z.string().max(200) });
export const removeFileInput = z.object({ fileId: z.uuid() });
export const setSignatureInput = z.object({
  accountId: z.uuid(),
  signature: z.string().max(10_000, 'A signature can be at most 10,000 characters long.'),
});

/** What compose needs besides sending: address autocomplete, files, signatures. */
export const composeRouter = {
  /** people seen in the user's mail, for the To and Cc fields */
  suggestRecipients: protectedProcedure
    .input(suggestRecipientsInput)
    .query(({ ctx, input }) => suggestRecipients({ db: ctx.db, userId: ctx.userId, ...input })),

  /** an upload removed before sending (uploads themselves go through /api/compose-files) */
  removeFile: protectedProcedure.input(removeFileInput).mutation(async ({ ctx, input }) => ({
    removed: await deleteComposeFiles(ctx.db, { userId: ctx.userId, ids: [input.fileId] }),
  })),

  setSignature: protectedProcedure
    .input(setSignatureInput)
    .mutation(({ ctx, input }) => setSignature({ db: ctx.db, userId: ctx.userId, ...input })),
};
