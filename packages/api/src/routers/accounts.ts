import { z } from 'zod';
import { linkLimit } from '../lib/abuse-limits';
import { linkMailbox } from '../services/link-mailbox';
import { listAccounts } from '../services/list-accounts';
import { listPresets } from '../services/list-presets';
import { removeMailbox } from '../services/remove-mailbox';
import { updateMailboxCode } from '../services/update-mailbox-code';
import { reorderMailboxes, updateMailboxSettings } from '../services/update-mailbox-settings';
import { protectedProcedure } from '../trpc';

const endpoint = z.object({
  host: z.string().trim().min(1, 'Enter the server host name.'),
  port: z.number().int().min(1).max(65_535),
  security: z.enum(['tls', 'starttls', 'plain']),
});

export const linkMailboxInput = z
  .object({
    provider: z.enum(['qq', '163', '126', 'yeah', 'custom']),
    address: z.email('Enter the full e-mail address.'),
    authCode: z.string().min(1, 'Enter the authorization code.'),
    custom: z.object({ imap: endpoint, smtp: endpoint }).optional(),
  })
  .refine((input) => input.provider !== 'custom' || input.custom, {
    message: 'Enter the IMAP and SMTP servers.',
    path: ['custom'],
  });

export const removeMailboxInput = z.object({ accountId: z.uuid() });

export const updateMailboxInput = z.object({
  accountId: z.uuid(),
  displayName: z.string().max(200).optional(),
  colour: z
    .string()
    .regex(/^#[0-9a-f]{6}$/i, 'Choose a colour as #rrggbb.')
    .nullable()
    .optional(),
});

export const reorderMailboxesInput = z.object({ accountIds: z.array(z.uuid()).min(1).max(100) });

export const updateCodeInput = z.object({
  accountId: z.uuid(),
  authCode: z.string().min(1, 'Enter the authorization code.'),
});

export const accountsRouter = {
  list: protectedProcedure.query(({ ctx }) => listAccounts({ db: ctx.db, userId: ctx.userId })),

  presets: protectedProcedure.query(() => listPresets()),

  link: protectedProcedure
    .use(linkLimit)
    .input(linkMailboxInput)
    .mutation(({ ctx, input }) =>
      linkMailbox({ db: ctx.db, secretBox: ctx.secretBox, userId: ctx.userId, ...input }),
    ),

  /** a new 授权码 for a linked mailbox, checked like a link; limited like links (guessing) */
  updateCode: protectedProcedure
    .use(linkLimit)
    .input(updateCodeInput)
    .mutation(({ ctx, input }) =>
      updateMailboxCode({ db: ctx.db, secretBox: ctx.secretBox, userId: ctx.userId, ...input }),
    ),

  /** display name and colour of one mailbox */
  update: protectedProcedure
    .input(updateMailboxInput)
    .mutation(({ ctx, input }) =>
      updateMailboxSettings({ db: ctx.db, userId: ctx.userId, ...input }),
    ),

  reorder: protectedProcedure
    .input(reorderMailboxesInput)
    .mutation(({ ctx, input }) =>
      reorderMailboxes({ db: ctx.db, userId: ctx.userId, accountIds: input.accountIds }),
    ),

  remove: protectedProcedure
    .input(removeMailboxInput)
    .mutation(({ ctx, input }) =>
      removeMailbox({ db: ctx.db, userId: ctx.userId, accountId: input.accountId }),
    ),
};
