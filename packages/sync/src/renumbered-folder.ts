import { and, eq, mailAccount, pendingImapOp, publishMailEvent, sql } from '@youjian/db';
import { type MailboxRef, MailError } from '@youjian/mail';
import type { ApplyContext } from './apply-context';
import { rowsOf } from './db-types';
import type { MessageIdentity, MovePayload, UidAddressed } from './enqueue-imap-op';
import { droppedChangesRecord } from './error-record';
import { loadMailbox, updateMailbox } from './mailbox-state';
import { type CurrentMessage, decideRenumberedOp } from './stale-uids';
import { identitiesFromMirror } from './stamp-uid-identity';
import { syncFolderNow } from './sync-folder-now';
import type { MailboxRow } from './sync-folders';

/** The mail layer refused a UID-addressed command: the folder has a new UIDVALIDITY. */
export const isUidValidityChange = (error: unknown): error is MailError =>
  error instanceof MailError && error.code === 'UIDVALIDITY_CHANGED';

/**
 * Runs a queued UID-addressed write (`write`) on `folder` under the UIDVALIDITY the op
 * was queued with. When the mail layer finds the folder renumbered (RFC 3501 §2.3.1.1),
 * the folder is re-synced — the sync rebuilds a folder whose UIDVALIDITY changed — and the
 * op's messages are looked for again by identity (stale-uids.ts). The op's payload is
 * rewritten to the new numbering before it is written again, so a crash after this point
 * repeats it under the new numbering; messages that are not found are dropped and the
 * user is told through the account's last error. Returns the payload the write was
 * finally given and whether the folder had been renumbered (the caller then brings the
 * rebuilt mirror up to date with the op's effect). Throws what `write` throws otherwise.
 */
export async function writeWithCurrentUids<P extends UidAddressed>(
  ctx: ApplyContext,
  op: { id: number },
  folder: MailboxRow,
  /** the folder's path on the server when this op runs (a later rename is not there yet) */
  path: string,
  payload: P,
  write: (ref: MailboxRef, payload: P) => Promise<void>,
): Promise<{ payload: P; renumbered: boolean }> {
  // an op queued before identities travelled with it: the mirror's rows still carry the
  // old numbering's identities until the re-sync below, which is when they are needed
  const identities =
    payload.identities ?? (await identitiesFromMirror(ctx.db, ctx.account.id, payload));
  // ops queued before the UIDVALIDITY travelled with them: the mirror's is the best guess
  const uidValidity = payload.uidValidity ?? folder.uidValidity;
  try {
    await write({ path, uidValidity }, payload);
    return { payload, renumbered: false };
  } catch (error) {
    if (!isUidValidityChange(error)) throw error;
  }
  await syncFolderNow(ctx, folder);
  const synced = (await loadMailbox(ctx.db, ctx.account.id, folder.id)) ?? folder;
  const current = await currentMessages(ctx, folder.id, identities);
  const decision = decideRenumberedOp(
    payload.uids.filter((uid) => uid > 0),
    identities,
    current,
  );
  const uidMap = decision.type === 'reapply' ? decision.uidMap : new Map<number, number>();
  const renumbered = renumberPayload(payload, identities, uidMap, synced.uidValidity);
  await ctx.db
    .update(pendingImapOp)
    .set({ payload: renumbered as unknown as Record<string, unknown> })
    .where(and(eq(pendingImapOp.accountId, ctx.account.id), eq(pendingImapOp.id, op.id)));
  if (decision.dropped.length > 0) await tellDropped(ctx, op, synced, decision.dropped.length);
  await write({ path, uidValidity: synced.uidValidity }, renumbered);
  return { payload: renumbered, renumbered: true };
}

/**
 * After a renumbered op was applied: the re-sync put its messages back into the mirror as
 * the server had them before the op, so rows the op expunged or moved away go again.
 */
export async function dropAppliedRows(
  ctx: ApplyContext,
  mailboxId: string,
  uids: readonly number[],
): Promise<void> {
  if (uids.length === 0) return;
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`delete from message where account_id = ${ctx.account.id}
      and mailbox_id = ${mailboxId} and uid = any(${sql.param([...uids])}::bigint[])`);
    await updateMailbox(tx, ctx.account.id, mailboxId, {});
  });
}

async function currentMessages(
  ctx: ApplyContext,
  mailboxId: string,
  identities: readonly MessageIdentity[],
): Promise<CurrentMessage[]> {
  const wanted = identities.flatMap((m) => (m.messageIdHeader ? [m.messageIdHeader] : []));
  if (wanted.length === 0) return [];
  const rows = rowsOf<{ uid: string | number; message_id: string; size: number; at: Date }>(
    await ctx.db.execute(sql`select uid, message_id, size, received_at as at from message
      where account_id = ${ctx.account.id} and mailbox_id = ${mailboxId} and uid > 0
        and message_id = any(${sql.param(wanted)}::text[])`),
  );
  return rows.map((row) => ({
    uid: Number(row.uid),
    messageIdHeader: row.message_id,
    size: row.size,
    receivedAt: new Date(row.at).toISOString(),
  }));
}

/** The payload under the new numbering; a move's unfound messages get UID 0 (not live). */
function renumberPayload<P extends UidAddressed>(
  payload: P,
  identities: readonly MessageIdentity[],
  uidMap: ReadonlyMap<number, number>,
  uidValidity: number | null,
): P {
  const renumbered: P = {
    ...payload,
    uids: payload.uids.flatMap((uid) => {
      const found = uidMap.get(uid);
      return found === undefined ? [] : [found];
    }),
    uidValidity,
    identities: identities.flatMap((m) => {
      const found = uidMap.get(m.uid);
      return found === undefined ? [] : [{ ...m, uid: found }];
    }),
  };
  if ('messages' in payload) {
    const moved = (payload as unknown as MovePayload).messages;
    (renumbered as unknown as MovePayload).messages = moved.map((m) => ({
      ...m,
      uid: uidMap.get(m.uid) ?? 0,
    }));
  }
  return renumbered;
}

async function tellDropped(
  ctx: ApplyContext,
  op: { id: number },
  folder: MailboxRow,
  count: number,
): Promise<void> {
  const record = droppedChangesRecord(count, folder.name);
  await ctx.db
    .update(pendingImapOp)
    .set({ lastError: record.lastError })
    .where(and(eq(pendingImapOp.accountId, ctx.account.id), eq(pendingImapOp.id, op.id)));
  await ctx.db
    .update(mailAccount)
    .set({ ...record, lastErrorAt: new Date() })
    .where(eq(mailAccount.id, ctx.account.id));
  await publishMailEvent(ctx.db.$client, {
    kind: 'account_changed',
    userId: ctx.account.userId,
    accountId: ctx.account.id,
  });
}
