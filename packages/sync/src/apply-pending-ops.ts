import {
  and,
  asc,
  type Database,
  eq,
  inArray,
  mailAccount,
  mailbox,
  message,
  pendingImapOp,
  publishMailEvent,
  sql,
} from '@youjian/db';
import { appendMessage, type ImapFlow, MailError, setFlags } from '@youjian/mail';
import type { AppendPayload, SetFlagsPayload } from './enqueue-imap-op';
import { findInFolder } from './find-in-folder';
import { updateMailbox } from './mailbox-state';
import type { AccountRow } from './sync-account';

type PendingOpRow = typeof pendingImapOp.$inferSelect;

/** After this many failed attempts an op counts as permanently failed. */
export const MAX_ATTEMPTS = 5;

export interface ApplyContext {
  db: Database;
  client: ImapFlow;
  account: AccountRow;
}

/**
 * A broken connection is worth retrying after a reconnect; an answer from a live server
 * (NO/BAD, a message that is gone) will not change by repeating the command.
 */
export function isTransientFailure(error: unknown, client: ImapFlow): boolean {
  if (error instanceof PermanentOpError) return false;
  if (
    error instanceof MailError &&
    ['HOST_UNREACHABLE', 'TIMEOUT', 'TLS_FAILED'].includes(error.code)
  ) {
    return true;
  }
  return !client.usable;
}

/**
 * Applies the account's queued server writes in id order, exactly once in effect: an op
 * is marked done as soon as its success is observed, and every op is safe to repeat if a
 * crash falls between the server's answer and that mark — STORE of flags is idempotent,
 * and an APPEND first looks for its Message-ID in the folder.
 */
export async function applyPendingOps(ctx: ApplyContext): Promise<number> {
  let applied = 0;
  for (;;) {
    const [op] = await ctx.db
      .select()
      .from(pendingImapOp)
      .where(and(eq(pendingImapOp.accountId, ctx.account.id), eq(pendingImapOp.state, 'pending')))
      .orderBy(asc(pendingImapOp.id))
      .limit(1);
    if (!op) return applied;
    try {
      await applyOp(ctx, op);
    } catch (error) {
      if (isTransientFailure(error, ctx.client) && op.attempts + 1 < MAX_ATTEMPTS) {
        await ctx.db
          .update(pendingImapOp)
          .set({ attempts: op.attempts + 1, lastError: messageOf(error) })
          .where(opKey(op));
        throw error;
      }
      await failOp(ctx, op, error);
      continue;
    }
    await ctx.db
      .update(pendingImapOp)
      .set({ state: 'done', attempts: op.attempts + 1, appliedAt: new Date(), lastError: null })
      .where(opKey(op));
    applied += 1;
  }
}

const opKey = (op: PendingOpRow) =>
  and(eq(pendingImapOp.accountId, op.accountId), eq(pendingImapOp.id, op.id));

const messageOf = (error: unknown) =>
  error instanceof MailError
    ? error.userMessage
    : error instanceof Error
      ? error.message
      : String(error);

async function mailboxById(ctx: ApplyContext, mailboxId: string) {
  const [row] = await ctx.db
    .select()
    .from(mailbox)
    .where(and(eq(mailbox.accountId, ctx.account.id), eq(mailbox.id, mailboxId)));
  return row ?? null;
}

class PermanentOpError extends Error {}

async function applyOp(ctx: ApplyContext, op: PendingOpRow): Promise<void> {
  switch (op.kind) {
    case 'set_flags': {
      const payload = op.payload as unknown as SetFlagsPayload;
      const folder = await mailboxById(ctx, payload.mailboxId);
      if (!folder) throw new PermanentOpError('The folder no longer exists.');
      await setFlags(ctx.client, folder.path, payload.uids, {
        add: payload.add,
        remove: payload.remove,
      });
      return;
    }
    case 'append': {
      const payload = op.payload as unknown as AppendPayload;
      const [folder] = await ctx.db
        .select()
        .from(mailbox)
        .where(and(eq(mailbox.accountId, ctx.account.id), eq(mailbox.role, payload.mailboxRole)));
      if (!folder) throw new PermanentOpError(`The account has no ${payload.mailboxRole} folder.`);
      if (await findInFolder(ctx, folder, payload.messageIdHeader)) return;
      const raw = Buffer.from(payload.rawBase64, 'base64');
      await appendMessage(ctx.client, folder.path, raw, payload.flags);
      return;
    }
    default:
      throw new PermanentOpError(`Changes of kind ${op.kind} are not supported yet.`);
  }
}

/** A permanent failure: the op is marked failed and its mirror change undone, visibly. */
async function failOp(ctx: ApplyContext, op: PendingOpRow, error: unknown): Promise<void> {
  const { db, account } = ctx;
  const undone = await db.transaction(async (tx) => {
    await tx
      .update(pendingImapOp)
      .set({ state: 'failed', attempts: op.attempts + 1, lastError: messageOf(error) })
      .where(opKey(op));
    if (op.kind !== 'set_flags') return null;
    const payload = op.payload as unknown as SetFlagsPayload;
    // the inverse change: what was added is removed again, what was removed comes back
    await tx.execute(sql`update message set
        flags = array(select distinct f from unnest(flags || ${sql.param(payload.remove ?? [])}::text[]) f
          where f <> all(${sql.param(payload.add ?? [])}::text[]) order by f),
        updated_at = now()
      where account_id = ${account.id} and mailbox_id = ${payload.mailboxId}
        and uid = any(${sql.param(payload.uids)}::bigint[])`);
    await tx
      .update(message)
      .set({
        seen: sql`'\\Seen' = any(${message.flags})`,
        flagged: sql`'\\Flagged' = any(${message.flags})`,
      })
      .where(
        and(
          eq(message.accountId, account.id),
          eq(message.mailboxId, payload.mailboxId),
          inArray(message.uid, payload.uids),
        ),
      );
    await updateMailbox(tx, account.id, payload.mailboxId, {});
    return payload.mailboxId;
  });
  if (undone) {
    await publishMailEvent(db.$client, {
      kind: 'mailbox_changed',
      userId: account.userId,
      accountId: account.id,
      mailboxId: undone,
    });
  }
  // the account's last error tells the user which change did not reach the server
  await db
    .update(mailAccount)
    .set({
      lastError: `A change could not be applied: ${messageOf(error)}`,
      lastErrorAt: new Date(),
    })
    .where(eq(mailAccount.id, account.id));
  await publishMailEvent(db.$client, {
    kind: 'account_changed',
    userId: account.userId,
    accountId: account.id,
  });
}
