import {
  and,
  type Database,
  eq,
  mailbox,
  outgoingMail,
  publishMailEvent,
  type SecretBox,
} from '@youjian/db';
import { getPreset, type ImapFlow, MailError, type ProviderId, sendMail } from '@youjian/mail';
import { accountCredentials } from './account-credentials';
import { applyPendingOps } from './apply-pending-ops';
import { checkSentCopies } from './check-sent-copies';
import { deleteSentFiles } from './compose-files';
import { enqueueImapOp } from './enqueue-imap-op';
import { errorRecordOf, NO_ERROR_RECORD } from './error-record';
import { findInFolder } from './find-in-folder';
import { markAnswered } from './mark-answered';
import { claimOutgoing, dueOutgoingRows } from './outgoing-due';
import { outgoingAttachments } from './queue-outgoing-mail';
import { SENT_COPY_LOOK_EVERY_MS, SENT_COPY_LOOK_FOR_MS } from './sent-copy-step';
import type { AccountRow } from './sync-account';

type OutgoingRow = typeof outgoingMail.$inferSelect;

export interface SendContext {
  db: Database;
  client: ImapFlow;
  account: AccountRow;
  secretBox: SecretBox;
  /**
   * how long after SMTP acceptance to look for a provider-filed Sent copy before APPENDing
   * one (QQ, NetEase); default SENT_COPY_LOOK_FOR_MS
   */
  sentCopyLookMs?: number;
}

/** SMTP answers that will not change on a retry (RFC 5321 5xx on the sender or recipients). */
const PERMANENT_SEND_FAILURES = new Set([
  'SENDER_REJECTED',
  'RECIPIENT_REJECTED',
  'MALFORMED_MESSAGE',
  'AUTH_FAILED',
]);

/**
 * Sends the account's due queued mail (not-before passed: the undo delay or the scheduled
 * time) once each, then finishes the Sent copies that are due
 * (check-sent-copies.ts); returns how many mails were sent. State 'sending' is committed
 * before the SMTP transaction; a row found in 'sending' (a crash mid-send) is first
 * looked for in Sent by its Message-ID and only resent when absent. The Sent copy follows
 * the preset's policy, recorded in the transaction that records the send: where the
 * provider never files one, an `append` op queued there; otherwise the row awaits the
 * provider's copy and a later cycle looks for it, so the worker loop is never held up.
 */
export async function sendQueuedMail(ctx: SendContext): Promise<number> {
  const { db, account } = ctx;
  const rows = await dueOutgoingRows(db, account.id);
  let sent = 0;
  for (const row of rows) {
    if (await sendOne(ctx, row)) sent += 1;
  }
  await checkSentCopies(ctx);
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
    await db
      .update(outgoingMail)
      .set({ state: 'sent', sentAt: new Date(), sentCopy: 'filed_by_provider' })
      .where(key);
    return false;
  }
  if (row.state === 'queued' && !(await claimOutgoing(db, row))) return false; // undone
  if (row.state === 'sending') {
    await db
      .update(outgoingMail)
      .set({ attempts: row.attempts + 1 })
      .where(key);
  }
  let raw: Buffer;
  try {
    ({ raw } = await sendMail(accountCredentials(account, ctx.secretBox), {
      from: { name: row.draft.fromName ?? account.displayName, address: account.address },
      to: row.draft.to,
      cc: row.draft.cc,
      subject: row.draft.subject,
      text: row.draft.text,
      html: row.draft.html,
      messageId: row.messageIdHeader,
      inReplyTo: row.draft.inReplyTo,
      references: row.draft.references,
      attachments: outgoingAttachments(db, row.draft),
    }));
  } catch (error) {
    const permanent = error instanceof MailError && PERMANENT_SEND_FAILURES.has(error.code);
    await db
      .update(outgoingMail)
      .set({
        state: permanent ? 'failed' : 'queued',
        // the code and the server's reply become words in the user's language (web)
        ...errorRecordOf(error),
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
  const policy = getPreset(account.provider as ProviderId).sentCopy;
  const sentAt = new Date();
  await db.transaction(async (tx) => {
    if (row.draft.answers) await markAnswered(tx, account.id, row.draft.answers.messageId);
    if (policy === 'never') {
      await tx
        .update(outgoingMail)
        .set({ state: 'sent', sentAt, ...NO_ERROR_RECORD, sentCopy: 'appended' })
        .where(key);
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
      return;
    }
    // the provider may file a copy: look for it in a later cycle, for a bounded time
    await tx
      .update(outgoingMail)
      .set({
        state: 'sent',
        sentAt,
        ...NO_ERROR_RECORD,
        sentCopy: 'awaiting',
        sentCopyCheckAt: new Date(sentAt.getTime() + SENT_COPY_LOOK_EVERY_MS),
        sentCopyLookUntil: new Date(
          sentAt.getTime() + (ctx.sentCopyLookMs ?? SENT_COPY_LOOK_FOR_MS),
        ),
        sentCopyRawBase64: raw.toString('base64'),
      })
      .where(key);
  });
  // the compose store's files went out with it (the Sent copy is the raw bytes above)
  await deleteSentFiles(db, row.draft.attachments);
  if (policy === 'never') {
    await applyPendingOps(ctx);
    // the appended copy shows in the mirror now, not at the next pass over every folder
    if (sent) await findInFolder(ctx, sent, row.messageIdHeader);
  }
  return true;
}
