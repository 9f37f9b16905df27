import {
  and,
  asc,
  type Database,
  eq,
  inArray,
  mailbox,
  outgoingMail,
  publishMailEvent,
  type SecretBox,
} from '@youjian/db';
import { getPreset, type ImapFlow, MailError, type ProviderId, sendMail } from '@youjian/mail';
import { accountCredentials } from './account-credentials';
import { applyPendingOps } from './apply-pending-ops';
import { enqueueImapOp } from './enqueue-imap-op';
import { findInFolder } from './find-in-folder';
import { outgoingAttachments } from './queue-outgoing-mail';
import type { AccountRow } from './sync-account';

type OutgoingRow = typeof outgoingMail.$inferSelect;

export interface SendContext {
  db: Database;
  client: ImapFlow;
  account: AccountRow;
  secretBox: SecretBox;
  /** how long to wait for a provider-filed Sent copy to show up (QQ, NetEase) */
  sentCopyWaitMs?: number;
}

/** SMTP answers that will not change on a retry (RFC 5321 5xx on the sender or recipients). */
const PERMANENT_SEND_FAILURES = new Set([
  'SENDER_REJECTED',
  'RECIPIENT_REJECTED',
  'MALFORMED_MESSAGE',
  'AUTH_FAILED',
]);

/**
 * Sends the account's queued mail once each. State 'sending' is committed before the
 * SMTP transaction; a row found in 'sending' (a crash mid-send) is first looked for in
 * Sent by its Message-ID and only resent when absent. Where the provider does not file
 * submitted mail itself, the Sent copy is an `append` op queued in the same transaction
 * that records the send, so it happens exactly once too.
 */
export async function sendQueuedMail(ctx: SendContext): Promise<number> {
  const { db, account } = ctx;
  const rows = await db
    .select()
    .from(outgoingMail)
    .where(
      and(
        eq(outgoingMail.accountId, account.id),
        inArray(outgoingMail.state, ['queued', 'sending']),
      ),
    )
    .orderBy(asc(outgoingMail.createdAt));
  let sent = 0;
  for (const row of rows) {
    if (await sendOne(ctx, row)) sent += 1;
  }
  return sent;
}

async function sentFolder(ctx: SendContext) {
  const [row] = await ctx.db
    .select()
    .from(mailbox)
    .where(and(eq(mailbox.accountId, ctx.account.id), eq(mailbox.role, 'sent')));
  return row ?? null;
}

async function sendOne(ctx: SendContext, row: OutgoingRow): Promise<boolean> {
  const { db, account } = ctx;
  const key = and(eq(outgoingMail.accountId, row.accountId), eq(outgoingMail.id, row.id));
  const sent = await sentFolder(ctx);
  if (row.state === 'sending' && sent && (await findInFolder(ctx, sent, row.messageIdHeader))) {
    await db.update(outgoingMail).set({ state: 'sent', sentAt: new Date() }).where(key);
    return false;
  }
  await db
    .update(outgoingMail)
    .set({ state: 'sending', attempts: row.attempts + 1 })
    .where(key);
  let raw: Buffer;
  try {
    ({ raw } = await sendMail(accountCredentials(account, ctx.secretBox), {
      from: { name: row.draft.fromName ?? account.displayName, address: account.address },
      to: row.draft.to,
      cc: row.draft.cc,
      subject: row.draft.subject,
      text: row.draft.text,
      messageId: row.messageIdHeader,
      inReplyTo: row.draft.inReplyTo,
      references: row.draft.references,
      attachments: outgoingAttachments(row.draft),
    }));
  } catch (error) {
    const permanent = error instanceof MailError && PERMANENT_SEND_FAILURES.has(error.code);
    await db
      .update(outgoingMail)
      .set({
        state: permanent ? 'failed' : 'queued',
        lastError: error instanceof Error ? error.message : String(error),
      })
      .where(key);
    await publishMailEvent(db.$client, {
      kind: 'account_changed',
      userId: account.userId,
      accountId: account.id,
    });
    if (permanent) return false;
    throw error;
  }
  const savesSentCopy = getPreset(account.provider as ProviderId).savesSentCopy;
  await db.transaction(async (tx) => {
    await tx
      .update(outgoingMail)
      .set({ state: 'sent', sentAt: new Date(), lastError: null })
      .where(key);
    if (!savesSentCopy) {
      await enqueueImapOp(tx, {
        accountId: account.id,
        kind: 'append',
        payload: {
          mailboxRole: 'sent',
          messageIdHeader: row.messageIdHeader,
          rawBase64: raw.toString('base64'),
          flags: ['\\Seen'],
        },
      });
    }
  });
  if (!savesSentCopy) await applyPendingOps(ctx);
  if (sent) await waitForSentCopy(ctx, sent, row.messageIdHeader);
  return true;
}

/** Syncs Sent until the copy is mirrored (the provider may file it a moment later). */
async function waitForSentCopy(
  ctx: SendContext,
  folder: NonNullable<Awaited<ReturnType<typeof sentFolder>>>,
  messageIdHeader: string,
): Promise<void> {
  const deadline = Date.now() + (ctx.sentCopyWaitMs ?? 5_000);
  for (;;) {
    if (await findInFolder(ctx, folder, messageIdHeader)) return;
    if (Date.now() >= deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
