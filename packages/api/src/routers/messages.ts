import { z } from 'zod';
import { sendLimit } from '../lib/abuse-limits';
import { MAIL_VIEWS } from '../lib/message-scope';
import { rememberSearch } from '../lib/recent-searches';
import { inResponseTo, responseKind } from '../lib/response-kind';
import { applyBulkAction } from '../services/apply-bulk-action';
import { archiveMessages } from '../services/archive-messages';
import { deleteMessages } from '../services/delete-messages';
import { getMessage, peekMessage } from '../services/get-message';
import { getOutgoingStatus } from '../services/get-outgoing-status';
import { listMessages } from '../services/list-messages';
import { listRecentSearches } from '../services/list-recent-searches';
import { markSpam } from '../services/mark-spam';
import { moveMessages } from '../services/move-messages';
import { prepareReply } from '../services/prepare-reply';
import { sendMail } from '../services/send-mail';
import { setFlags } from '../services/set-flags';
import { protectedProcedure } from '../trpc';

export const listMessagesInput = z.object({
  view: z.enum(MAIL_VIEWS).optional(),
  accountId: z.uuid().optional(),
  mailboxId: z.uuid().optional(),
  query: z.string().trim().max(200, 'A search can be at most 200 characters long.').optional(),
  timeZone: z.string().max(64).optional(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** Every message of what the list shows ("Select all"), described as messages.list takes it. */
export const bulkActionInput = listMessagesInput.omit({ cursor: true, limit: true }).extend({
  action: z.union([
    z.enum(['archive', 'delete', 'markRead', 'markUnread']),
    z.object({ moveTo: z.uuid() }),
  ]),
});

export const getMessageInput = z.object({
  accountId: z.uuid(),
  messageId: z.uuid(),
  allowRemoteImages: z.boolean().default(false),
});

export const setFlagsInput = z.object({
  accountId: z.uuid(),
  messageIds: z.array(z.uuid()).min(1).max(500),
  seen: z.boolean().optional(),
  flagged: z.boolean().optional(),
});

/** Several messages of one mailbox at once (a selection in the list, or the open one). */
export const messageSelectionInput = z.object({
  accountId: z.uuid(),
  messageIds: z.array(z.uuid()).min(1).max(500),
});

export const moveMessagesInput = messageSelectionInput.extend({ toMailboxId: z.uuid() });

export const sendMailInput = z.object({
  accountId: z.uuid(),
  to: z.string().max(10_000),
  cc: z.string().max(10_000).default(''),
  subject: z.string().max(1_000),
  text: z.string().max(1_000_000),
  /** the rich editor's HTML; the server sanitizes it and derives the text part */
  html: z.string().max(5_000_000).optional(),
  /** uploaded files and pasted images (cid:) of the compose store */
  files: z
    .array(z.object({ fileId: z.uuid(), contentId: z.string().max(200).optional() }))
    .max(100)
    .default([]),
  inResponseTo: inResponseTo.optional(),
  /** the autosaved draft this mail was written in: removed when the mail is queued */
  draftId: z.uuid().optional(),
  /** a scheduled send; without it the mail waits out the user's undo delay */
  sendAt: z.date().optional(),
});

export const prepareReplyInput = z.object({
  accountId: z.uuid(),
  messageId: z.uuid(),
  kind: responseKind,
  timeZone: z.string().max(64).optional(),
  /** the interface language the reply's attribution is written in; else the saved one */
  locale: z.string().max(35).optional(),
});

export const outgoingStatusInput = z.object({ accountId: z.uuid(), id: z.uuid() });

export const messagesRouter = {
  list: protectedProcedure
    .input(listMessagesInput)
    .query(({ ctx, input }) =>
      listMessages({ db: ctx.db, userId: ctx.userId, ...input, cursor: input.cursor ?? undefined }),
    ),

  bulk: protectedProcedure
    .input(bulkActionInput)
    .mutation(({ ctx, input }) => applyBulkAction({ db: ctx.db, userId: ctx.userId, ...input })),

  recentSearches: protectedProcedure.query(({ ctx }) =>
    listRecentSearches({ db: ctx.db, userId: ctx.userId }),
  ),

  /** Notes a search the user got an answer for as their newest (a write of its own, not list's). */
  rememberSearch: protectedProcedure
    .input(z.object({ query: listMessagesInput.shape.query.unwrap().min(1) }))
    .mutation(({ ctx, input }) => rememberSearch(ctx.db, ctx.userId, input.query)),

  get: protectedProcedure
    .input(getMessageInput)
    .query(({ ctx, input }) =>
      getMessage({ db: ctx.db, secretBox: ctx.secretBox, userId: ctx.userId, ...input }),
    ),

  /** messages.get's answer when the body is already mirrored, else null (no IMAP): read-ahead */
  peek: protectedProcedure
    .input(getMessageInput.omit({ allowRemoteImages: true }))
    .query(({ ctx, input }) =>
      peekMessage({ db: ctx.db, secretBox: ctx.secretBox, userId: ctx.userId, ...input }),
    ),

  setFlags: protectedProcedure
    .input(setFlagsInput)
    .mutation(({ ctx, input }) => setFlags({ db: ctx.db, userId: ctx.userId, ...input })),

  move: protectedProcedure
    .input(moveMessagesInput)
    .mutation(({ ctx, input }) => moveMessages({ db: ctx.db, userId: ctx.userId, ...input })),

  delete: protectedProcedure
    .input(messageSelectionInput)
    .mutation(({ ctx, input }) => deleteMessages({ db: ctx.db, userId: ctx.userId, ...input })),

  archive: protectedProcedure
    .input(messageSelectionInput)
    .mutation(({ ctx, input }) => archiveMessages({ db: ctx.db, userId: ctx.userId, ...input })),

  markSpam: protectedProcedure
    .input(messageSelectionInput)
    .mutation(({ ctx, input }) =>
      markSpam({ db: ctx.db, userId: ctx.userId, ...input, spam: true }),
    ),

  markNotSpam: protectedProcedure
    .input(messageSelectionInput)
    .mutation(({ ctx, input }) =>
      markSpam({ db: ctx.db, userId: ctx.userId, ...input, spam: false }),
    ),

  send: protectedProcedure
    .input(sendMailInput)
    .use(sendLimit)
    .mutation(({ ctx, input }) =>
      sendMail({ db: ctx.db, secretBox: ctx.secretBox, userId: ctx.userId, ...input }),
    ),

  prepareReply: protectedProcedure
    .input(prepareReplyInput)
    .query(({ ctx, input }) =>
      prepareReply({ db: ctx.db, secretBox: ctx.secretBox, userId: ctx.userId, ...input }),
    ),

  outgoingStatus: protectedProcedure
    .input(outgoingStatusInput)
    .query(({ ctx, input }) => getOutgoingStatus({ db: ctx.db, userId: ctx.userId, ...input })),
};
