import { z } from 'zod';

/** How a message answers another: the four buttons on an open message. */
export const responseKind = z.enum(['reply', 'replyAll', 'forward', 'forwardAsAttachment']);
export type ResponseKind = z.infer<typeof responseKind>;

/** The message being answered or forwarded, as the client names it (mirror ids). */
export const inResponseTo = z.object({
  kind: responseKind,
  accountId: z.uuid(),
  messageId: z.uuid(),
});
export type InResponseTo = z.infer<typeof inResponseTo>;
