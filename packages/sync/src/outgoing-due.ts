import { and, asc, type Database, eq, inArray, lte, or, outgoingMail, sql } from '@youjian/db';
import type { Tx } from './db-types';

type OutgoingRow = typeof outgoingMail.$inferSelect;

/**
 * The account's outgoing mail the worker should act on now: rows left `sending` by a
 * crash (to be looked for in Sent first) and `queued` rows whose not-before time — the
 * undo delay or the scheduled time — has come. Oldest first.
 */
export async function dueOutgoingRows(
  db: Database,
  accountId: string,
  now: Date = new Date(),
): Promise<OutgoingRow[]> {
  return db
    .select()
    .from(outgoingMail)
    .where(
      and(
        eq(outgoingMail.accountId, accountId),
        or(
          eq(outgoingMail.state, 'sending'),
          and(eq(outgoingMail.state, 'queued'), lte(outgoingMail.notBefore, now)),
        ),
      ),
    )
    .orderBy(asc(outgoingMail.notBefore), asc(outgoingMail.createdAt));
}

/**
 * Claims a due `queued` row for sending: one conditional UPDATE, so it races safely with
 * Undo and Cancel (which update only a row still `queued`) — exactly one of the two wins.
 * Returns false when the row was cancelled (or claimed) meanwhile: nothing may be sent.
 */
export async function claimOutgoing(db: Database, row: OutgoingRow): Promise<boolean> {
  const claimed = await db
    .update(outgoingMail)
    .set({ state: 'sending', attempts: sql`${outgoingMail.attempts} + 1` })
    .where(
      and(
        eq(outgoingMail.accountId, row.accountId),
        eq(outgoingMail.id, row.id),
        eq(outgoingMail.state, 'queued'),
        lte(outgoingMail.notBefore, sql`now()`),
      ),
    )
    .returning({ id: outgoingMail.id });
  return claimed.length > 0;
}

/** When the account's next waiting mail falls due (the worker's wake-up), or null. */
export async function nextOutgoingDueAt(db: Database, accountId: string): Promise<Date | null> {
  const [row] = await db
    .select({ notBefore: outgoingMail.notBefore })
    .from(outgoingMail)
    .where(and(eq(outgoingMail.accountId, accountId), eq(outgoingMail.state, 'queued')))
    .orderBy(asc(outgoingMail.notBefore))
    .limit(1);
  return row?.notBefore ?? null;
}

/**
 * Holds a just-queued mail until `notBefore` (the undo delay, or a scheduled time), in the
 * transaction that queued it: the worker's wake-up NOTIFY is delivered at commit, when
 * the row already carries its time.
 */
export async function holdOutgoingUntil(
  tx: Tx,
  options: { accountId: string; id: string; notBefore: Date; scheduled: boolean },
): Promise<void> {
  await tx
    .update(outgoingMail)
    .set({ notBefore: options.notBefore, scheduled: options.scheduled })
    .where(and(eq(outgoingMail.accountId, options.accountId), eq(outgoingMail.id, options.id)));
}

/**
 * Takes back a mail that has not gone yet (Undo, Cancel, or Edit of a scheduled send): one
 * conditional UPDATE of a row still `queued` (or `failed`), so it cannot race the worker's
 * claim (claimOutgoing). Returns the row's draft, or null when it is already being sent.
 */
export async function cancelOutgoing(
  db: Database,
  options: { accountId: string; id: string },
): Promise<OutgoingRow['draft'] | null> {
  const [row] = await db
    .update(outgoingMail)
    .set({ state: 'cancelled' })
    .where(
      and(
        eq(outgoingMail.accountId, options.accountId),
        eq(outgoingMail.id, options.id),
        inArray(outgoingMail.state, ['queued', 'failed']),
      ),
    )
    .returning({ draft: outgoingMail.draft });
  return row?.draft ?? null;
}
