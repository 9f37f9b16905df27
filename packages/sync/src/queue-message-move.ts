import { and, eq, inArray, mailbox, message, messageBody, ne, sql } from '@youjian/db';
import { rowsOf, type Tx } from './db-types';
import { enqueueImapOp, type MovedMessage } from './enqueue-imap-op';
import { updateMailbox } from './mailbox-state';

export interface QueueMessageMoveOptions {
  accountId: string;
  /** mirror row ids; rows of other accounts or already in the destination are ignored */
  messageIds: string[];
  toMailboxId: string;
}

/** The mailboxes whose contents changed, for live events. */
export interface MirrorChange {
  changed: number;
  mailboxIds: string[];
}

/**
 * Moves messages in the mirror at once and queues the server MOVE in the same
 * transaction. The rows keep their ids (so an open message stays open) and get a
 * negative placeholder UID in the destination — no server UID is ever negative — until
 * the worker records the UID from the server's COPYUID answer (RFC 4315 §3).
 */
export async function queueMessageMove(
  tx: Tx,
  options: QueueMessageMoveOptions,
): Promise<MirrorChange> {
  const { accountId, messageIds, toMailboxId } = options;
  // the destination's row lock serialises placeholder allocation between transactions
  const [target] = rowsOf<{ path: string }>(
    await tx.execute(sql`select path from mailbox
      where account_id = ${accountId} and id = ${toMailboxId} for update`),
  );
  if (!target || messageIds.length === 0) return { changed: 0, mailboxIds: [] };
  const rows = await tx
    .select({
      id: message.id,
      mailboxId: message.mailboxId,
      uid: message.uid,
      messageIdHeader: message.messageId,
      path: mailbox.path,
    })
    .from(message)
    .innerJoin(
      mailbox,
      and(eq(mailbox.accountId, message.accountId), eq(mailbox.id, message.mailboxId)),
    )
    .where(
      and(
        eq(message.accountId, accountId),
        inArray(message.id, messageIds),
        ne(message.mailboxId, toMailboxId),
      ),
    )
    .orderBy(message.mailboxId, message.uid);
  if (rows.length === 0) return { changed: 0, mailboxIds: [] };

  const [lowest] = rowsOf<{ uid: string | number }>(
    await tx.execute(sql`select coalesce(min(uid), 0) as uid from message
      where account_id = ${accountId} and mailbox_id = ${toMailboxId} and uid < 0`),
  );
  let nextPlaceholder = Math.min(Number(lowest?.uid ?? 0), 0) - 1;
  const bySource = new Map<string, { path: string; messages: MovedMessage[] }>();
  for (const row of rows) {
    const group = bySource.get(row.mailboxId) ?? { path: row.path, messages: [] };
    group.messages.push({
      id: row.id,
      uid: row.uid,
      placeholderUid: nextPlaceholder--,
      messageIdHeader: row.messageIdHeader,
    });
    bySource.set(row.mailboxId, group);
  }

  for (const [sourceId, group] of bySource) {
    await tx.execute(sql`update message set mailbox_id = ${toMailboxId}, uid = m.placeholder,
        updated_at = now()
      from unnest(${sql.param(group.messages.map((m) => m.id))}::uuid[],
        ${sql.param(group.messages.map((m) => m.placeholderUid))}::bigint[]) as m(id, placeholder)
      where message.account_id = ${accountId} and message.id = m.id`);
    await enqueueImapOp(tx, {
      accountId,
      kind: 'move',
      payload: {
        mailboxId: sourceId,
        uids: group.messages.map((m) => m.uid),
        fromPath: group.path,
        toMailboxId,
        toPath: target.path,
        messages: group.messages,
      },
    });
    await updateMailbox(tx, accountId, sourceId, {});
  }
  await updateMailbox(tx, accountId, toMailboxId, {});
  return { changed: rows.length, mailboxIds: [...bySource.keys(), toMailboxId] };
}

/**
 * Deletes messages for good: gone from the mirror at once, and queued as STORE \Deleted
 * + UID EXPUNGE of exactly their UIDs (RFC 4315 §2.1) — never a plain EXPUNGE, which
 * would also remove what other clients flagged \Deleted.
 */
export async function queueMessageExpunge(
  tx: Tx,
  options: { accountId: string; messageIds: string[] },
): Promise<MirrorChange> {
  const { accountId, messageIds } = options;
  if (messageIds.length === 0) return { changed: 0, mailboxIds: [] };
  const removed = await tx
    .delete(message)
    .where(and(eq(message.accountId, accountId), inArray(message.id, messageIds)))
    .returning({
      id: message.id,
      mailboxId: message.mailboxId,
      uid: message.uid,
      messageIdHeader: message.messageId,
      size: message.size,
      receivedAt: message.receivedAt,
    });
  if (removed.length === 0) return { changed: 0, mailboxIds: [] };
  await tx.delete(messageBody).where(
    and(
      eq(messageBody.accountId, accountId),
      inArray(
        messageBody.messageId,
        removed.map((row) => row.id),
      ),
    ),
  );
  const folders = await tx
    .select({ id: mailbox.id, path: mailbox.path })
    .from(mailbox)
    .where(
      and(
        eq(mailbox.accountId, accountId),
        inArray(mailbox.id, [...new Set(removed.map((row) => row.mailboxId))]),
      ),
    );
  for (const folder of folders) {
    const rows = removed.filter((row) => row.mailboxId === folder.id);
    const uids = rows.map((row) => row.uid);
    // the rows are gone from the mirror: their identities travel with the op from here
    const identities = rows.map((row) => ({
      uid: row.uid,
      messageIdHeader: row.messageIdHeader,
      size: row.size,
      receivedAt: row.receivedAt.toISOString(),
    }));
    await enqueueImapOp(tx, {
      accountId,
      kind: 'delete',
      payload: {
        mailboxId: folder.id,
        uids: uids.sort((a, b) => a - b),
        path: folder.path,
        identities,
      },
    });
    await updateMailbox(tx, accountId, folder.id, {});
  }
  return { changed: removed.length, mailboxIds: folders.map((folder) => folder.id) };
}
