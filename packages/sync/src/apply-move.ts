import { and, eq, mailbox, message, pendingImapOp, sql } from '@youjian/db';
import { expungeUids, type MailboxRef, moveMessages, presentUids } from '@youjian/mail';
import type { ApplyContext } from './apply-context';
import { rowsOf, type Tx } from './db-types';
import type { MovedMessage, MovePayload } from './enqueue-imap-op';
import { updateMailbox } from './mailbox-state';
import { syncFolderNow } from './sync-folder-now';

/**
 * Carries out a queued move, safe to repeat after a crash between the server's answer
 * and the 'done' mark: only UIDs still in the source are moved, and on a repeat
 * (`previousAttempts` > 0) a copy the destination already holds — by Message-ID — is
 * adopted and the source expunged instead of copied twice (a COPY without the EXPUNGE
 * that should follow is exactly what a crash leaves behind on a server without MOVE).
 * `from` is the source with the UIDVALIDITY the payload's UIDs belong to: every command
 * on it checks that first and throws MailError UIDVALIDITY_CHANGED before touching any
 * message (renumbered-folder.ts then finds the messages again).
 */
export async function applyMove(
  ctx: ApplyContext,
  payload: MovePayload,
  previousAttempts: number,
  from: MailboxRef,
): Promise<void> {
  const { client } = ctx;
  const live = payload.messages.filter((m) => m.uid > 0);
  const present = await presentUids(client, from, payload.uids);
  let toMove = live.filter((m) => present.has(m.uid));
  const newUids = new Map<string, number>();

  if (previousAttempts > 0 && toMove.length > 0) {
    const copies = await copiesInDestination(ctx, payload, toMove);
    const adopted = toMove.filter((m) => copies.has(m.id));
    await expungeUids(
      client,
      from,
      adopted.map((m) => m.uid),
    );
    for (const m of adopted) newUids.set(m.id, copies.get(m.id) ?? 0);
    toMove = toMove.filter((m) => !copies.has(m.id));
  }
  if (toMove.length > 0) {
    // COPYUID (RFC 4315 §3) maps each source UID to its UID in the destination
    const uidMap = await moveMessages(
      client,
      from,
      toMove.map((m) => m.uid),
      payload.toPath,
    );
    for (const m of toMove) {
      const uid = uidMap.get(m.uid);
      if (uid !== undefined) newUids.set(m.id, uid);
    }
  }
  await recordNewUids(ctx, payload, newUids);

  const unresolved = payload.messages.filter((m) => !newUids.has(m.id));
  if (unresolved.length === 0) return;
  // no COPYUID, or moved by an attempt that crashed: look for the copies after a sync
  const found = await copiesInDestination(ctx, payload, unresolved);
  await recordNewUids(ctx, payload, found);
  const lost = unresolved.filter((m) => !found.has(m.id));
  if (lost.length > 0) await dropPlaceholders(ctx, payload, lost);
}

/**
 * Syncs the destination, then maps each moved message (by Message-ID) to a server
 * message there that is not already another mirror row's identity.
 */
async function copiesInDestination(
  ctx: ApplyContext,
  payload: MovePayload,
  moved: MovedMessage[],
): Promise<Map<string, number>> {
  const wanted = moved.filter((m) => m.messageIdHeader !== null);
  if (wanted.length === 0) return new Map();
  const [destination] = await ctx.db
    .select()
    .from(mailbox)
    .where(and(eq(mailbox.accountId, ctx.account.id), eq(mailbox.id, payload.toMailboxId)));
  if (!destination) return new Map();
  await syncFolderNow(ctx, destination);
  const rows = rowsOf<{ id: string; uid: string | number; message_id: string }>(
    await ctx.db.execute(sql`select id, uid, message_id from message
      where account_id = ${ctx.account.id} and mailbox_id = ${payload.toMailboxId} and uid > 0
        and message_id = any(${sql.param(wanted.map((m) => m.messageIdHeader))}::text[])
      order by uid`),
  );
  const ownIds = new Set(payload.messages.map((m) => m.id));
  const claimed = new Set<number>();
  const copies = new Map<string, number>();
  for (const m of wanted) {
    const copy = rows.find(
      (row) =>
        row.message_id === m.messageIdHeader &&
        !ownIds.has(row.id) &&
        !claimed.has(Number(row.uid)),
    );
    if (!copy) continue;
    claimed.add(Number(copy.uid));
    copies.set(m.id, Number(copy.uid));
  }
  return copies;
}

/**
 * The moved rows take their server UIDs. A row a sync already made for the same server
 * message is dropped, so the message keeps the identity the user saw; queued changes
 * that named the placeholder UID now name the real one.
 */
async function recordNewUids(
  ctx: ApplyContext,
  payload: MovePayload,
  newUids: Map<string, number>,
): Promise<void> {
  if (newUids.size === 0) return;
  const accountId = ctx.account.id;
  const moved = payload.messages.filter((m) => newUids.has(m.id));
  const uidOf = (m: MovedMessage) => newUids.get(m.id) ?? 0;
  await ctx.db.transaction(async (tx) => {
    const duplicates = rowsOf<{ id: string }>(
      await tx.execute(sql`delete from message where account_id = ${accountId}
        and mailbox_id = ${payload.toMailboxId}
        and uid = any(${sql.param(moved.map(uidOf))}::bigint[])
        and id <> all(${sql.param(moved.map((m) => m.id))}::uuid[])
        returning id`),
    );
    await dropBodies(
      tx,
      accountId,
      duplicates.map((row) => row.id),
    );
    await tx.execute(sql`update message set uid = m.uid, updated_at = now()
      from unnest(${sql.param(moved.map((m) => m.id))}::uuid[],
        ${sql.param(moved.map((m) => m.placeholderUid))}::bigint[],
        ${sql.param(moved.map(uidOf))}::bigint[]) as m(id, placeholder, uid)
      where message.account_id = ${accountId} and message.id = m.id
        and message.mailbox_id = ${payload.toMailboxId} and message.uid = m.placeholder`);
    await renameQueuedUids(
      tx,
      accountId,
      payload.toMailboxId,
      new Map(moved.map((m) => [m.placeholderUid, uidOf(m)])),
    );
    await updateMailbox(tx, accountId, payload.toMailboxId, {});
  });
}

/** Placeholders whose message is not at the destination: the server has the last word. */
async function dropPlaceholders(ctx: ApplyContext, payload: MovePayload, lost: MovedMessage[]) {
  const accountId = ctx.account.id;
  await ctx.db.transaction(async (tx) => {
    const removed = rowsOf<{ id: string }>(
      await tx.execute(sql`delete from message using unnest(
          ${sql.param(lost.map((m) => m.id))}::uuid[],
          ${sql.param(lost.map((m) => m.placeholderUid))}::bigint[]) as m(id, placeholder)
        where message.account_id = ${accountId} and message.id = m.id
          and message.mailbox_id = ${payload.toMailboxId} and message.uid = m.placeholder
        returning message.id`),
    );
    await dropBodies(
      tx,
      accountId,
      removed.map((row) => row.id),
    );
    await updateMailbox(tx, accountId, payload.toMailboxId, {});
  });
}

async function dropBodies(tx: Tx, accountId: string, messageIds: string[]): Promise<void> {
  if (messageIds.length === 0) return;
  await tx.execute(sql`delete from message_body where account_id = ${accountId}
    and message_id = any(${sql.param(messageIds)}::uuid[])`);
}

/** Rewrites `uids` (and moved messages' `uid`) of queued ops on a folder. */
async function renameQueuedUids(
  tx: Tx,
  accountId: string,
  mailboxId: string,
  renamed: Map<number, number>,
): Promise<void> {
  const ops = await tx
    .select({ id: pendingImapOp.id, payload: pendingImapOp.payload })
    .from(pendingImapOp)
    .where(
      and(
        eq(pendingImapOp.accountId, accountId),
        eq(pendingImapOp.state, 'pending'),
        sql`${pendingImapOp.payload}->>'mailboxId' = ${mailboxId}`,
      ),
    );
  const rename = (uid: unknown) =>
    typeof uid === 'number' ? (renamed.get(uid) ?? uid) : (uid as number);
  for (const op of ops) {
    const payload = { ...op.payload };
    if (Array.isArray(payload.uids)) payload.uids = payload.uids.map(rename);
    if (Array.isArray(payload.messages)) {
      payload.messages = (payload.messages as MovedMessage[]).map((m) => ({
        ...m,
        uid: rename(m.uid),
      }));
    }
    await tx
      .update(pendingImapOp)
      .set({ payload })
      .where(and(eq(pendingImapOp.accountId, accountId), eq(pendingImapOp.id, op.id)));
  }
}

/** Permanent failure: the rows go back to the source folder under their old UIDs. */
export async function undoMove(ctx: ApplyContext, payload: MovePayload): Promise<string[]> {
  const accountId = ctx.account.id;
  return ctx.db.transaction(async (tx) => {
    const [source] = await tx
      .select({ id: mailbox.id })
      .from(mailbox)
      .where(and(eq(mailbox.accountId, accountId), eq(mailbox.id, payload.mailboxId)));
    const ids = payload.messages.map((m) => m.id);
    const placeholders = payload.messages.map((m) => m.placeholderUid);
    if (!source) {
      await tx.execute(sql`delete from message using unnest(${sql.param(ids)}::uuid[],
          ${sql.param(placeholders)}::bigint[]) as m(id, placeholder)
        where message.account_id = ${accountId} and message.id = m.id
          and message.mailbox_id = ${payload.toMailboxId} and message.uid = m.placeholder`);
    } else {
      // a sync may have fetched the still-unmoved originals meanwhile: keep one row each
      await tx
        .delete(message)
        .where(
          and(
            eq(message.accountId, accountId),
            eq(message.mailboxId, payload.mailboxId),
            sql`${message.uid} = any(${sql.param(payload.messages.map((m) => m.uid))}::bigint[])`,
            sql`${message.id} <> all(${sql.param(ids)}::uuid[])`,
          ),
        );
      await tx.execute(sql`update message set mailbox_id = ${payload.mailboxId}, uid = m.uid,
          updated_at = now()
        from unnest(${sql.param(ids)}::uuid[], ${sql.param(placeholders)}::bigint[],
          ${sql.param(payload.messages.map((m) => m.uid))}::bigint[]) as m(id, placeholder, uid)
        where message.account_id = ${accountId} and message.id = m.id
          and message.mailbox_id = ${payload.toMailboxId} and message.uid = m.placeholder`);
      await updateMailbox(tx, accountId, payload.mailboxId, {});
    }
    await updateMailbox(tx, accountId, payload.toMailboxId, {});
    return source ? [payload.mailboxId, payload.toMailboxId] : [payload.toMailboxId];
  });
}
