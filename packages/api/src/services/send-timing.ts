import { and, type Database, draft, eq, mailAccount, userPreferences } from '@youjian/db';
import { holdOutgoingUntil, queueDraftDiscard } from '@youjian/sync';
import { AppError } from '../errors';
import type { InResponseTo } from '../lib/response-kind';

/** Seconds a sent mail waits for Undo when the user chose nothing (Gmail's default too). */
export const DEFAULT_UNDO_SEND_SECONDS = 10;
/** The range the Settings control offers. */
export const UNDO_SEND_RANGE = { min: 0, max: 30 } as const;
/** How far ahead a send may be scheduled. */
const MAX_SCHEDULE_MS = 366 * 24 * 3600_000;

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** When a send goes: the user's undo delay from now, or the time they scheduled. */
export interface SendTiming {
  notBefore: Date;
  scheduled: boolean;
}

/** The user's undo-send delay in seconds (a preference, default 10). */
export async function undoSendSeconds(db: Database | Tx, userId: string): Promise<number> {
  const [row] = await db
    .select({ seconds: userPreferences.undoSendSeconds })
    .from(userPreferences)
    .where(eq(userPreferences.userId, userId));
  return row?.seconds ?? DEFAULT_UNDO_SEND_SECONDS;
}

/**
 * Holds a just-queued mail (in the transaction that queued it) until the undo delay
 * passes or the scheduled time `sendAt` comes, and removes the draft it was written in
 * (locally at once, on the server through the queue). A `sendAt` in the past or more
 * than a year ahead is INVALID_INPUT. Returns when the mail will go.
 */
export async function holdSend(
  tx: Tx,
  options: {
    userId: string;
    accountId: string;
    id: string;
    draftId?: string;
    sendAt?: Date;
  },
): Promise<SendTiming> {
  const { userId, accountId, id, sendAt } = options;
  const now = Date.now();
  if (sendAt && (sendAt.getTime() < now - 60_000 || sendAt.getTime() > now + MAX_SCHEDULE_MS)) {
    throw new AppError('INVALID_INPUT', 'Choose a time in the future, within a year.');
  }
  const timing: SendTiming = sendAt
    ? { notBefore: sendAt, scheduled: true }
    : { notBefore: new Date(now + (await undoSendSeconds(tx, userId)) * 1000), scheduled: false };
  await holdOutgoingUntil(tx, { accountId, id, ...timing });
  if (options.draftId) await discardOwnedDraft(tx, userId, options.draftId);
  return timing;
}

/**
 * Discards one of the user's drafts, whichever of their mailboxes holds it. Returns that
 * mailbox's id, or null when the user has no such draft.
 */
export async function discardOwnedDraft(
  tx: Tx,
  userId: string,
  draftId: string,
): Promise<string | null> {
  const [owned] = await tx
    .select({ accountId: draft.accountId })
    .from(draft)
    .innerJoin(mailAccount, eq(mailAccount.id, draft.accountId))
    .where(and(eq(draft.id, draftId), eq(mailAccount.userId, userId)));
  if (!owned) return null;
  await queueDraftDiscard(tx, { accountId: owned.accountId, draftId });
  return owned.accountId;
}

/**
 * What the queue row keeps besides the message: the original a reply answers (it gets
 * \Answered once sent) and compose's fields as typed, to reopen compose after Undo or Edit.
 */
export function sendRecord(options: {
  accountId: string;
  to: string;
  cc: string;
  inResponseTo?: InResponseTo;
}) {
  const { inResponseTo } = options;
  // the worker flags the original on the sending mailbox's session: a reply from another
  // linked mailbox leaves the flag to that one (not set)
  const answers =
    inResponseTo?.accountId === options.accountId &&
    (inResponseTo.kind === 'reply' || inResponseTo.kind === 'replyAll')
      ? { answers: { messageId: inResponseTo.messageId } }
      : {};
  return { ...answers, compose: { to: options.to, cc: options.cc, inResponseTo } };
}
