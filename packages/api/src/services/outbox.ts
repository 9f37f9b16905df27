import {
  and,
  asc,
  type Database,
  eq,
  inArray,
  mailAccount,
  outgoingMail,
  publishMailEvent,
} from '@youjian/db';
import { cancelOutgoing, NO_ERROR_RECORD, wakeWorker } from '@youjian/sync';
import { AppError } from '../errors';
import { requireOwnedAccount } from '../lib/owned-rows';
import { problemOf } from '../lib/problem';

/**
 * The user's mail that has not gone: waiting out the undo delay, scheduled, being sent,
 * or failed (with the provider's reason), soonest first.
 */
export async function listOutbox({ db, userId }: { db: Database; userId: string }) {
  const rows = await db
    .select({
      id: outgoingMail.id,
      accountId: outgoingMail.accountId,
      address: mailAccount.address,
      /** the preset (qq, 163, …): an authorization-code failure says where to get a new one */
      provider: mailAccount.provider,
      draft: outgoingMail.draft,
      state: outgoingMail.state,
      scheduled: outgoingMail.scheduled,
      notBefore: outgoingMail.notBefore,
      lastError: outgoingMail.lastError,
      lastErrorCode: outgoingMail.lastErrorCode,
      lastErrorParams: outgoingMail.lastErrorParams,
      attempts: outgoingMail.attempts,
    })
    .from(outgoingMail)
    .innerJoin(mailAccount, eq(mailAccount.id, outgoingMail.accountId))
    .where(
      and(
        eq(mailAccount.userId, userId),
        inArray(outgoingMail.state, ['queued', 'sending', 'failed']),
      ),
    )
    .orderBy(asc(outgoingMail.notBefore));
  return rows.map(({ draft, lastError, lastErrorCode, lastErrorParams, ...row }) => ({
    ...row,
    /** why the last try failed, as a code the web puts in words */
    problem: problemOf({ lastError, lastErrorCode, lastErrorParams }),
    subject: draft.subject,
    to: draft.to.map((address) => address.address),
  }));
}

/**
 * Takes back a mail that has not gone (Undo, Cancel, Edit): the row is cancelled only
 * while still waiting or failed — the worker's claim and this cannot both win — and
 * compose's fields come back to reopen it. CONFLICT-like NOT_FOUND when it already went.
 */
export async function cancelSend(options: {
  db: Database;
  userId: string;
  accountId: string;
  id: string;
}) {
  const { db, userId, accountId, id } = options;
  const account = await requireOwnedAccount(db, { userId, accountId });
  const draft = await cancelOutgoing(db, { accountId, id });
  if (!draft) throw new AppError('NOT_FOUND', 'Too late: this mail has already been sent.');
  await publishMailEvent(db.$client, { kind: 'account_changed', userId, accountId });
  return {
    accountId: account.id,
    to: draft.compose?.to ?? draft.to.map((a) => a.address).join(', '),
    cc: draft.compose?.cc ?? draft.cc.map((a) => a.address).join(', '),
    subject: draft.subject,
    text: draft.text,
    // the rich editor's HTML: compose reopens with the formatting
    html: draft.html,
    inResponseTo: draft.compose?.inResponseTo,
  };
}

/** Sends a failed mail again now (Retry in the Outbox). */
export async function retrySend(options: {
  db: Database;
  userId: string;
  accountId: string;
  id: string;
}) {
  const { db, userId, accountId, id } = options;
  await requireOwnedAccount(db, { userId, accountId });
  const [row] = await db
    .update(outgoingMail)
    .set({ state: 'queued', notBefore: new Date(), ...NO_ERROR_RECORD, attempts: 0 })
    .where(
      and(
        eq(outgoingMail.accountId, accountId),
        eq(outgoingMail.id, id),
        eq(outgoingMail.state, 'failed'),
      ),
    )
    .returning({ id: outgoingMail.id });
  if (!row) throw new AppError('NOT_FOUND', 'This mail is no longer waiting to be retried.');
  await wakeWorker(db.$client, accountId);
  return row;
}
