import { type AdoptedDraft, and, type DraftContent, draft, eq, sql } from '@youjian/db';
import type { Tx } from './db-types';
import { enqueueImapOp } from './enqueue-imap-op';

/**
 * Saves a draft in the mirror at once and queues its server copy, in the caller's
 * transaction: a new draft (no `draftId`) gets revision 1, an existing one the next
 * revision; the `save_draft` op of that revision replaces every older server copy
 * (apply-draft-op.ts). Returns the draft's id and revision; null when `draftId` names no
 * draft of this account (discarded or sent meanwhile).
 */
export async function queueDraftSave(
  tx: Tx,
  options: {
    accountId: string;
    draftId?: string;
    content: DraftContent;
    adopted?: AdoptedDraft | null;
  },
): Promise<{ draftId: string; revision: number } | null> {
  const { accountId, content } = options;
  const [row] = options.draftId
    ? await tx
        .update(draft)
        .set({ content, revision: sql`${draft.revision} + 1`, updatedAt: new Date() })
        .where(and(eq(draft.accountId, accountId), eq(draft.id, options.draftId)))
        .returning({ id: draft.id, revision: draft.revision })
    : await tx
        .insert(draft)
        .values({ accountId, content, adopted: options.adopted ?? null })
        .returning({ id: draft.id, revision: draft.revision });
  if (!row) return null;
  await enqueueImapOp(tx, {
    accountId,
    kind: 'save_draft',
    payload: { draftId: row.id, revision: row.revision },
  });
  return { draftId: row.id, revision: row.revision };
}

/**
 * Removes a draft from the mirror and queues the removal of its server copies (Discard,
 * or the draft was sent), in the caller's transaction. Returns whether there was one.
 */
export async function queueDraftDiscard(
  tx: Tx,
  options: { accountId: string; draftId: string },
): Promise<boolean> {
  const [gone] = await tx
    .delete(draft)
    .where(and(eq(draft.accountId, options.accountId), eq(draft.id, options.draftId)))
    .returning({ id: draft.id, adopted: draft.adopted });
  if (!gone) return false;
  await enqueueImapOp(tx, {
    accountId: options.accountId,
    kind: 'discard_draft',
    payload: { draftId: gone.id, adopted: gone.adopted },
  });
  return true;
}
