import { type PendingImapOpKind, pendingImapOp, sql } from '@youjian/db';
import type { DiscardDraftPayload, SaveDraftPayload } from './apply-draft-op';
import type { Tx } from './db-types';
import { stampUidAddressedOp } from './stamp-uid-identity';
import { WORK_CHANNEL } from './wake-worker';

/**
 * What names a message independently of its UID, to find it again under a new
 * UIDVALIDITY: Message-ID (RFC 5322 §3.6.4), RFC822.SIZE and INTERNALDATE (RFC 3501
 * §2.3.3–4), which a server keeps when it renumbers a folder.
 */
export interface MessageIdentity {
  uid: number;
  messageIdHeader: string | null;
  /** octets */
  size: number;
  /** INTERNALDATE, ISO 8601 */
  receivedAt: string;
}

/**
 * Stamped on every UID-addressed op when it is queued (stamp-uid-identity.ts): the
 * folder's UIDVALIDITY the UIDs belong to (RFC 3501 §2.3.1.1) and each UID's message
 * identity. Both travel with the op rather than being read from the mirror when the op
 * is applied, because a rebuild of the mirror in between would make the mirror agree with
 * the server while the op's UIDs still belong to the old numbering. Ops queued before
 * these fields existed have neither.
 */
export interface UidAddressed {
  mailboxId: string;
  uids: number[];
  uidValidity?: number | null;
  identities?: MessageIdentity[];
}

/** `set_flags`: add/remove flags on UIDs of one folder (the mirror already shows the result). */
export interface SetFlagsPayload extends UidAddressed {
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

/** One message of a `move`: the mirror row that keeps its id while its UID changes. */
export interface MovedMessage {
  /** the mirror row id (message.id), unchanged by the move */
  id: string;
  /** UID in the source folder */
  uid: number;
  /** the row's UID in the destination until the server's COPYUID answer (always < 0) */
  placeholderUid: number;
  /** RFC 5322 Message-ID, to find the copy when no COPYUID came back or after a crash */
  messageIdHeader: string | null;
}

/**
 * `move`: UIDs of one source folder to another folder. `mailboxId`/`uids` name the source
 * like `set_flags` does, so the sync leaves these UIDs alone while the op is queued. Paths
 * are the ones at enqueue time: earlier ops in the queue (renames) have reached the
 * server by the time this one runs, later ones have not.
 */
export interface MovePayload extends UidAddressed {
  fromPath: string;
  toMailboxId: string;
  toPath: string;
  messages: MovedMessage[];
}

/** `delete`: expunge exactly these UIDs (STORE \Deleted + UID EXPUNGE, RFC 4315 §2.1). */
export interface DeletePayload extends UidAddressed {
  path: string;
}

/** `create_folder`: CREATE (RFC 3501 §6.3.3); the mirror row exists already. */
export interface CreateFolderPayload {
  folderId: string;
  path: string;
}

/** `rename_folder`: RENAME (RFC 3501 §6.3.5), which also renames the folder's children. */
export interface RenameFolderPayload {
  folderId: string;
  fromPath: string;
  fromName: string;
  toPath: string;
  toName: string;
  delimiter: string;
}

/** `delete_folder`: DELETE (RFC 3501 §6.3.4); the mirror row and its messages are gone. */
export interface DeleteFolderPayload {
  folderId: string;
  path: string;
}

export type { DiscardDraftPayload, SaveDraftPayload } from './apply-draft-op';

export type ImapOpPayloads = {
  set_flags: SetFlagsPayload;
  append: AppendPayload;
  move: MovePayload;
  delete: DeletePayload;
  create_folder: CreateFolderPayload;
  rename_folder: RenameFolderPayload;
  delete_folder: DeleteFolderPayload;
  save_draft: SaveDraftPayload;
  discard_draft: DiscardDraftPayload;
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
  const payload =
    op.kind === 'set_flags' || op.kind === 'move' || op.kind === 'delete'
      ? await stampUidAddressedOp(tx, op.accountId, op.payload)
      : op.payload;
  await tx.insert(pendingImapOp).values({
    accountId: op.accountId,
    kind: op.kind satisfies PendingImapOpKind,
    payload: payload as unknown as Record<string, unknown>,
  });
  await tx.execute(sql`select pg_notify(${WORK_CHANNEL}, ${op.accountId})`);
}
