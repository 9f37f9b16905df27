import { sql } from '@youjian/db';
import { type DbOrTx, rowsOf } from './db-types';
import type { MessageIdentity, MovePayload, UidAddressed } from './enqueue-imap-op';

interface IdentityRow {
  key: string;
  uid: string | number;
  message_id: string | null;
  size: number;
  received_at: Date | string;
}

const identityOf = (row: IdentityRow, uid: number): MessageIdentity => ({
  uid,
  messageIdHeader: row.message_id,
  size: row.size,
  receivedAt: new Date(row.received_at).toISOString(),
});

/**
 * Adds to a UID-addressed op's payload what it lacks of the folder's UIDVALIDITY and its
 * UIDs' identities (enqueue-imap-op.ts, UidAddressed), read from the mirror in the
 * queueing transaction. A move's rows have left the source already and are found by
 * their row id; a deletion's rows are gone, so its caller passes the identities.
 * Returns the payload stamped; fields the caller set are kept.
 */
export async function stampUidAddressedOp<P extends UidAddressed>(
  tx: DbOrTx,
  accountId: string,
  payload: P,
): Promise<P> {
  const uidValidity = payload.uidValidity ?? (await mirrorUidValidity(tx, accountId, payload));
  const identities = payload.identities ?? (await identitiesFromMirror(tx, accountId, payload));
  return { ...payload, uidValidity, identities };
}

async function mirrorUidValidity(
  tx: DbOrTx,
  accountId: string,
  payload: UidAddressed,
): Promise<number | null> {
  const [row] = rowsOf<{ uid_validity: string | number | null }>(
    await tx.execute(sql`select uid_validity from mailbox
      where account_id = ${accountId} and id = ${payload.mailboxId}`),
  );
  return row?.uid_validity == null ? null : Number(row.uid_validity);
}

/**
 * Identities of the op's UIDs as the mirror holds them now. Ops queued before this field
 * existed are given theirs the same way when they are applied (renumbered-folder.ts).
 */
export async function identitiesFromMirror(
  tx: DbOrTx,
  accountId: string,
  payload: UidAddressed,
): Promise<MessageIdentity[]> {
  if ('messages' in payload) {
    const moved = (payload as unknown as MovePayload).messages;
    if (moved.length === 0) return [];
    const rows = rowsOf<IdentityRow>(
      await tx.execute(sql`select id::text as key, uid, message_id, size, received_at
        from message where account_id = ${accountId}
          and id = any(${sql.param(moved.map((m) => m.id))}::uuid[])`),
    );
    const byId = new Map(rows.map((row) => [row.key, row]));
    return moved.flatMap((m) => {
      const row = byId.get(m.id);
      return row ? [identityOf(row, m.uid)] : [];
    });
  }
  if (payload.uids.length === 0) return [];
  const rows = rowsOf<IdentityRow>(
    await tx.execute(sql`select uid::text as key, uid, message_id, size, received_at
      from message where account_id = ${accountId} and mailbox_id = ${payload.mailboxId}
        and uid = any(${sql.param(payload.uids)}::bigint[])`),
  );
  return rows.map((row) => identityOf(row, Number(row.uid)));
}
