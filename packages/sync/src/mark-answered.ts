import { and, eq, message, sql } from '@youjian/db';
import type { Tx } from './db-types';
import { enqueueImapOp } from './enqueue-imap-op';

/**
 * Sets the \Answered system flag (RFC 3501 §2.3.2) on the message a sent reply answers:
 * on the mirror row at once and on the server through the write-back queue, in the
 * caller's transaction (the one that records the send). Nothing when the original is gone
 * from the mirror or already answered; a row still awaiting its server UID (< 0, a move
 * in flight) is flagged in the mirror only.
 */
export async function markAnswered(tx: Tx, accountId: string, messageRowId: string): Promise<void> {
  const [row] = await tx
    .update(message)
    .set({
      flags: sql`array(select distinct f
        from unnest(${message.flags} || ${sql.param(['\\Answered'])}::text[]) f order by f)`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(message.accountId, accountId),
        eq(message.id, messageRowId),
        sql`not ('\\Answered' = any(${message.flags}))`,
      ),
    )
    .returning({ mailboxId: message.mailboxId, uid: message.uid });
  if (!row || row.uid < 0) return;
  await enqueueImapOp(tx, {
    accountId,
    kind: 'set_flags',
    payload: { mailboxId: row.mailboxId, uids: [row.uid], add: ['\\Answered'] },
  });
}
