import {
  and,
  asc,
  type Database,
  eq,
  gte,
  lte,
  mailbox,
  message,
  or,
  outgoingMail,
} from '@youjian/db';
import { getPreset, type ImapFlow, type ProviderId } from '@youjian/mail';
import { applyPendingOps } from './apply-pending-ops';
import { enqueueImapOp } from './enqueue-imap-op';
import {
  pickSentCopy,
  SENT_COPY_DATE_TOLERANCE_MS,
  type SentCopyCandidate,
} from './sent-copy-match';
import { decideSentCopyStep } from './sent-copy-step';
import type { AccountRow } from './sync-account';
import { syncFolderNow } from './sync-folder-now';
import type { MailboxRow } from './sync-folders';

type OutgoingRow = typeof outgoingMail.$inferSelect;

export interface SentCopyContext {
  db: Database;
  client: ImapFlow;
  account: AccountRow;
  /** the clock, for tests; defaults to now */
  now?: () => Date;
}

/**
 * Finishes the Sent copies that are due: for every sent mail of the account whose copy
 * is `awaiting` and whose next look is due, syncs Sent once and looks for the provider's
 * copy (sent-copy-match.ts); then, per sent-copy-step.ts, records the provider's copy,
 * looks again later, or queues an `append` of the bytes SMTP accepted in the same
 * transaction that marks the copy `appended`, and applies the queue. Exactly once across
 * crashes: every decision is taken again from Postgres after a restart, and the
 * `append` op looks for its Message-ID before APPENDing (apply-pending-ops.ts).
 * Returns how many copies Youjian appended. Throws what IMAP or Postgres throw.
 */
export async function checkSentCopies(ctx: SentCopyContext): Promise<number> {
  const { db, account } = ctx;
  const now = ctx.now?.() ?? new Date();
  const due = await db
    .select()
    .from(outgoingMail)
    .where(
      and(
        eq(outgoingMail.accountId, account.id),
        eq(outgoingMail.sentCopy, 'awaiting'),
        lte(outgoingMail.sentCopyCheckAt, now),
      ),
    )
    .orderBy(asc(outgoingMail.sentCopyCheckAt));
  if (due.length === 0) return 0;
  const sent = await sentFolder(db, account.id);
  if (sent) await syncFolderNow(ctx, sent);
  const policy = getPreset(account.provider as ProviderId).sentCopy;
  const claimed = new Set<string>();
  let appended = 0;
  for (const row of due) {
    const copy = sent ? await findProviderCopy(db, sent, row, claimed) : null;
    if (copy) claimed.add(copy.id);
    const step = decideSentCopyStep({
      policy,
      found: copy !== null,
      now,
      lookUntil: row.sentCopyLookUntil ?? now,
    });
    if (step.type === 'append') {
      await queueAppend(db, row);
      appended += 1;
    } else {
      await db
        .update(outgoingMail)
        .set(
          step.type === 'look-again'
            ? { sentCopyCheckAt: step.at }
            : {
                sentCopy: step.type === 'filed-by-provider' ? 'filed_by_provider' : 'not_found',
                sentCopyCheckAt: null,
                sentCopyRawBase64: null,
              },
        )
        .where(awaitingRow(row));
    }
  }
  if (appended > 0) {
    await applyPendingOps(ctx);
    // the appended copy shows in the mirror now, not at the next pass over every folder
    if (sent) await syncFolderNow(ctx, sent);
  }
  return appended;
}

/** When the account's worker should next look at Sent for a copy, or null if nothing waits. */
export async function nextSentCopyCheckAt(db: Database, accountId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: outgoingMail.sentCopyCheckAt })
    .from(outgoingMail)
    .where(and(eq(outgoingMail.accountId, accountId), eq(outgoingMail.sentCopy, 'awaiting')))
    .orderBy(asc(outgoingMail.sentCopyCheckAt))
    .limit(1);
  return row?.at ?? null;
}

const awaitingRow = (row: OutgoingRow) =>
  and(
    eq(outgoingMail.accountId, row.accountId),
    eq(outgoingMail.id, row.id),
    eq(outgoingMail.sentCopy, 'awaiting'),
  );

async function sentFolder(db: Database, accountId: string): Promise<MailboxRow | null> {
  const [row] = await db
    .select()
    .from(mailbox)
    .where(and(eq(mailbox.accountId, accountId), eq(mailbox.role, 'sent')));
  return row ?? null;
}

/** The APPEND is queued in the transaction that ends the wait, so it happens once. */
async function queueAppend(db: Database, row: OutgoingRow): Promise<void> {
  await db.transaction(async (tx) => {
    const ended = await tx
      .update(outgoingMail)
      .set({ sentCopy: 'appended', sentCopyCheckAt: null, sentCopyRawBase64: null })
      .where(awaitingRow(row))
      .returning({ id: outgoingMail.id });
    if (ended.length === 0) return;
    if (!row.sentCopyRawBase64) throw new Error(`outgoing mail ${row.id} lost its bytes`);
    await enqueueImapOp(tx, {
      accountId: row.accountId,
      kind: 'append',
      payload: {
        mailboxRole: 'sent',
        messageIdHeader: row.messageIdHeader,
        rawBase64: row.sentCopyRawBase64,
        flags: ['\\Seen'],
      },
    });
  });
}

/** Sent messages that could be this mail's copy, matched by the pure pickSentCopy. */
async function findProviderCopy(
  db: Database,
  sent: MailboxRow,
  row: OutgoingRow,
  claimed: ReadonlySet<string>,
): Promise<SentCopyCandidate | null> {
  const sentAt = row.sentAt ?? row.createdAt;
  const from = new Date(sentAt.getTime() - SENT_COPY_DATE_TOLERANCE_MS);
  const to = new Date(sentAt.getTime() + SENT_COPY_DATE_TOLERANCE_MS);
  const candidates = await db
    .select({
      id: message.id,
      messageId: message.messageId,
      subject: message.subject,
      to: message.to,
      cc: message.cc,
      sentAt: message.sentAt,
    })
    .from(message)
    .where(
      and(
        eq(message.accountId, row.accountId),
        eq(message.mailboxId, sent.id),
        or(
          eq(message.messageId, row.messageIdHeader),
          and(gte(message.sentAt, from), lte(message.sentAt, to)),
        ),
      ),
    );
  // the Message-IDs of the account's other mail sent around then: a look-alike carrying
  // one of them is that mail's copy, not this one's
  const neighbours = await db
    .select({ messageIdHeader: outgoingMail.messageIdHeader, id: outgoingMail.id })
    .from(outgoingMail)
    .where(
      and(
        eq(outgoingMail.accountId, row.accountId),
        gte(outgoingMail.sentAt, from),
        lte(outgoingMail.sentAt, to),
      ),
    );
  const otherMessageIds = new Set(
    neighbours.filter((n) => n.id !== row.id).map((n) => n.messageIdHeader),
  );
  return pickSentCopy(
    candidates,
    { messageIdHeader: row.messageIdHeader, ...row.draft, sentAt },
    { claimed, otherMessageIds },
  );
}
