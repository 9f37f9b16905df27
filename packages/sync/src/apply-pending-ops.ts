import {
  and,
  asc,
  eq,
  inArray,
  mailAccount,
  mailbox,
  message,
  pendingImapOp,
  publishMailEvent,
  sql,
} from '@youjian/db';
import {
  appendMessage,
  expungeUids,
  type ImapFlow,
  type MailboxRef,
  MailError,
  setFlags,
} from '@youjian/mail';
import { type ApplyContext, PermanentOpError } from './apply-context';
import {
  applyDiscardDraft,
  applySaveDraft,
  type DiscardDraftPayload,
  type SaveDraftPayload,
} from './apply-draft-op';
import {
  applyCreateFolder,
  applyDeleteFolder,
  applyRenameFolder,
  undoCreateFolder,
  undoRenameFolder,
} from './apply-folder-op';
import { applyMove, undoMove } from './apply-move';
import type {
  AppendPayload,
  CreateFolderPayload,
  DeleteFolderPayload,
  DeletePayload,
  MovePayload,
  RenameFolderPayload,
  SetFlagsPayload,
} from './enqueue-imap-op';
import { englishTextOf, refusedChangeRecord } from './error-record';
import { findInFolder } from './find-in-folder';
import { updateMailbox } from './mailbox-state';
import { dropAppliedRows, isUidValidityChange, writeWithCurrentUids } from './renumbered-folder';
import { resyncAfterFailure } from './resync-after-failure';

export type { ApplyContext } from './apply-context';

type PendingOpRow = typeof pendingImapOp.$inferSelect;

/** After this many failed attempts an op counts as permanently failed. */
export const MAX_ATTEMPTS = 5;

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
 * an APPEND first looks for its Message-ID in the folder, a move moves only UIDs still in
 * the source and adopts copies already in the destination, folder ops look at the
 * server's folder list first, a draft save finds its revision by Message-ID before
 * APPENDing and then expunges the draft's other copies (apply-draft-op.ts). The attempt is counted before the server is touched, so a
 * repeat knows a previous try may have reached the server.
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
    await ctx.db
      .update(pendingImapOp)
      .set({ attempts: op.attempts + 1 })
      .where(opKey(op));
    try {
      await applyOp(ctx, op);
    } catch (error) {
      if (isTransientFailure(error, ctx.client) && op.attempts + 1 < MAX_ATTEMPTS) {
        await ctx.db
          .update(pendingImapOp)
          .set({ lastError: messageOf(error) })
          .where(opKey(op));
        throw error;
      }
      await failOp(ctx, op, error);
      continue;
    }
    await ctx.db
      .update(pendingImapOp)
      .set({ state: 'done', appliedAt: new Date(), lastError: null })
      .where(opKey(op));
    applied += 1;
  }
}

const opKey = (op: PendingOpRow) =>
  and(eq(pendingImapOp.accountId, op.accountId), eq(pendingImapOp.id, op.id));

/** The op's own last_error stays English: it is for operators, the user reads the account's. */
const messageOf = englishTextOf;

async function mailboxById(ctx: ApplyContext, mailboxId: string) {
  const [row] = await ctx.db
    .select()
    .from(mailbox)
    .where(and(eq(mailbox.accountId, ctx.account.id), eq(mailbox.id, mailboxId)));
  return row ?? null;
}

async function applyOp(ctx: ApplyContext, op: PendingOpRow): Promise<void> {
  switch (op.kind) {
    case 'set_flags': {
      const payload = op.payload as unknown as SetFlagsPayload;
      const folder = await mailboxById(ctx, payload.mailboxId);
      if (!folder) throw new PermanentOpError('The folder no longer exists.', 'FOLDER_GONE');
      const change = { add: payload.add ?? [], remove: payload.remove ?? [] };
      const done = await writeWithCurrentUids(ctx, op, folder, folder.path, payload, (ref, p) =>
        // a UID < 0 is a moved message whose server UID never became known: nothing to set
        setFlags(
          ctx.client,
          ref,
          p.uids.filter((uid) => uid > 0),
          change,
        ),
      );
      // the re-sync mirrored the server before this change: show it again
      if (done.renumbered) await changeMirrorFlags(ctx, folder.id, done.payload.uids, change);
      return;
    }
    case 'append': {
      const payload = op.payload as unknown as AppendPayload;
      const [folder] = await ctx.db
        .select()
        .from(mailbox)
        .where(and(eq(mailbox.accountId, ctx.account.id), eq(mailbox.role, payload.mailboxRole)));
      if (!folder)
        throw new PermanentOpError(
          `The account has no ${payload.mailboxRole} folder.`,
          'SPECIAL_FOLDER_MISSING',
          { role: payload.mailboxRole },
        );
      if (await findInFolder(ctx, folder, payload.messageIdHeader)) return;
      const raw = Buffer.from(payload.rawBase64, 'base64');
      await appendMessage(ctx.client, folder.path, raw, payload.flags);
      return;
    }
    case 'move': {
      const payload = op.payload as unknown as MovePayload;
      const source = await mailboxById(ctx, payload.mailboxId);
      const move = (ref: MailboxRef, p: MovePayload) => applyMove(ctx, p, op.attempts, ref);
      if (!source) {
        return move({ path: payload.fromPath, uidValidity: payload.uidValidity ?? null }, payload);
      }
      const done = await writeWithCurrentUids(ctx, op, source, payload.fromPath, payload, move);
      if (done.renumbered) await dropAppliedRows(ctx, source.id, done.payload.uids);
      return;
    }
    case 'delete': {
      const payload = op.payload as unknown as DeletePayload;
      const folder = await mailboxById(ctx, payload.mailboxId);
      const expunge = (ref: MailboxRef, p: DeletePayload) =>
        expungeUids(
          ctx.client,
          ref,
          p.uids.filter((uid) => uid > 0),
        );
      if (!folder) {
        return expunge({ path: payload.path, uidValidity: payload.uidValidity ?? null }, payload);
      }
      const done = await writeWithCurrentUids(ctx, op, folder, payload.path, payload, expunge);
      if (done.renumbered) await dropAppliedRows(ctx, folder.id, done.payload.uids);
      return;
    }
    case 'create_folder':
      return applyCreateFolder(ctx, op.payload as unknown as CreateFolderPayload);
    case 'rename_folder':
      return applyRenameFolder(ctx, op.payload as unknown as RenameFolderPayload);
    case 'delete_folder':
      return applyDeleteFolder(ctx, op.payload as unknown as DeleteFolderPayload);
    case 'save_draft':
      return applySaveDraft(ctx, op.payload as unknown as SaveDraftPayload);
    case 'discard_draft':
      return applyDiscardDraft(ctx, op.payload as unknown as DiscardDraftPayload);
  }
}

/**
 * A permanent failure: the mirror change is undone first, then the op is marked failed
 * (a crash in between leaves it pending, and the retry fails the same way), and the
 * account's last error tells the user which change did not reach the server.
 */
async function failOp(ctx: ApplyContext, op: PendingOpRow, error: unknown): Promise<void> {
  const { db, account } = ctx;
  const undone = isUidValidityChange(error)
    ? await resyncRenumbered(ctx, op)
    : await undoOp(ctx, op);
  await db
    .update(pendingImapOp)
    .set({ state: 'failed', lastError: messageOf(error) })
    .where(opKey(op));
  for (const mailboxId of undone) {
    await publishMailEvent(db.$client, {
      kind: 'mailbox_changed',
      userId: account.userId,
      accountId: account.id,
      mailboxId,
    });
  }
  await db
    .update(mailAccount)
    .set({
      ...refusedChangeRecord(error),
      lastErrorAt: new Date(),
    })
    .where(eq(mailAccount.id, account.id));
  await publishMailEvent(db.$client, {
    kind: 'account_changed',
    userId: account.userId,
    accountId: account.id,
  });
}

/**
 * An op that failed because its folder was renumbered again meanwhile: its UIDs name other
 * messages now, so nothing is undone by UID; the folder is read again from the server.
 */
async function resyncRenumbered(ctx: ApplyContext, op: PendingOpRow): Promise<string[]> {
  const mailboxId = (op.payload as { mailboxId?: unknown }).mailboxId;
  if (typeof mailboxId !== 'string') return [];
  await resyncAfterFailure(ctx, { mailboxId });
  return [mailboxId];
}

/** Undoes an op's mirror change; returns the folders whose contents changed. */
async function undoOp(ctx: ApplyContext, op: PendingOpRow): Promise<string[]> {
  switch (op.kind) {
    case 'set_flags': {
      const payload = op.payload as unknown as SetFlagsPayload;
      await undoSetFlags(ctx, payload);
      return [payload.mailboxId];
    }
    case 'move':
      return undoMove(ctx, op.payload as unknown as MovePayload);
    case 'delete': {
      // the messages are still on the server: a sync of the folder brings them back
      const payload = op.payload as unknown as DeletePayload;
      await resyncAfterFailure(ctx, { mailboxId: payload.mailboxId });
      return [payload.mailboxId];
    }
    case 'create_folder':
      await undoCreateFolder(ctx, op.payload as unknown as CreateFolderPayload);
      return [];
    case 'rename_folder':
      await undoRenameFolder(ctx, op.payload as unknown as RenameFolderPayload);
      return [];
    case 'delete_folder':
      // the folder is still on the server: the folder list brings it back
      await resyncAfterFailure(ctx, {});
      return [];
    case 'append':
    case 'save_draft':
    case 'discard_draft':
      // the local draft stays as it is; the next save (or Discard) writes the server again
      return [];
  }
}

async function undoSetFlags(ctx: ApplyContext, payload: SetFlagsPayload): Promise<void> {
  // the inverse change: what was added is removed again, what was removed comes back
  await changeMirrorFlags(ctx, payload.mailboxId, payload.uids, {
    add: payload.remove ?? [],
    remove: payload.add ?? [],
  });
}

/** Adds and removes flags on mirror rows of one folder, with their seen/flagged columns. */
async function changeMirrorFlags(
  ctx: ApplyContext,
  mailboxId: string,
  uids: number[],
  change: { add: string[]; remove: string[] },
): Promise<void> {
  const { account } = ctx;
  const payload = { mailboxId, uids };
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`update message set
        flags = array(select distinct f from unnest(flags || ${sql.param(change.add)}::text[]) f
          where f <> all(${sql.param(change.remove)}::text[]) order by f),
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
  });
}
