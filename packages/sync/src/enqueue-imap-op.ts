import { type PendingImapOpKind, pendingImapOp, sql } from '@youjian/db';
import type { Tx } from './db-types';
import { WORK_CHANNEL } from './wake-worker';

/** `set_flags`: add/remove flags on UIDs of one folder (the mirror already shows the result). */
export interface SetFlagsPayload {
  mailboxId: string;
  uids: number[];
  add?: string[];
  remove?: string[];
}

/** `append`: store a raw message in the folder of a role (e.g. the Sent copy of a custom provider). */
export interface AppendPayload {
  mailboxRole: 'sent' | 'drafts';
  /** the RFC 5322 Message-ID, to recognise a copy already appended before a crash */
  messageIdHeader: string;
  rawBase64: string;
  flags: string[];
}

export type ImapOpPayloads = {
  set_flags: SetFlagsPayload;
  append: AppendPayload;
};

export type ImapOp = {
  [K in keyof ImapOpPayloads]: { accountId: string; kind: K; payload: ImapOpPayloads[K] };
}[keyof ImapOpPayloads];

/**
 * Queues a server write in the caller's transaction — the same one that changed the
 * mirror — so both happen or neither does; the worker is woken on commit (NOTIFY is
 * transactional) and applies the account's queue in id order.
 */
export async function enqueueImapOp(tx: Tx, op: ImapOp): Promise<void> {
  await tx.insert(pendingImapOp).values({
    accountId: op.accountId,
    kind: op.kind satisfies PendingImapOpKind,
    payload: op.payload as unknown as Record<string, unknown>,
  });
  await tx.execute(sql`select pg_notify(${WORK_CHANNEL}, ${op.accountId})`);
}
