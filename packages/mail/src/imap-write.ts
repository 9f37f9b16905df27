/**
 * Writes to the server: APPEND (UIDPLUS APPENDUID gives the new UID, RFC 4315 §3), flag
 * changes, and MOVE (RFC 6851) or its emulation where the server lacks it (NetEase).
 */
import type { ImapFlow } from 'imapflow';
import { imapEndpointOf, MailError, toMailError } from './errors';
import type { MailboxRef } from './types';
import { compactUidSet } from './uid-set';
import { withMailbox } from './with-mailbox';

function refused(command: string, path: string): MailError {
  return new MailError({
    code: 'PROTOCOL',
    protocol: 'imap',
    userMessage: `The IMAP server refused ${command} in folder "${path}".`,
  });
}

export async function appendMessage(
  client: ImapFlow,
  path: string,
  raw: Buffer,
  flags: string[],
): Promise<{ uid: number | null }> {
  let result: Awaited<ReturnType<ImapFlow['append']>>;
  try {
    result = await client.append(path, raw, flags);
  } catch (error) {
    throw toMailError(error, 'imap', imapEndpointOf(client));
  }
  if (!result) throw refused('APPEND', path);
  return { uid: result.uid ?? null };
}

/**
 * UID STORE +FLAGS / -FLAGS (RFC 3501 §6.4.6) on `uids` of `folder`, after checking that
 * the folder's UIDVALIDITY is still `folder.uidValidity` (with-mailbox.ts). Throws
 * MailError: UIDVALIDITY_CHANGED before anything is stored, PROTOCOL when refused.
 */
export async function setFlags(
  client: ImapFlow,
  folder: MailboxRef,
  uids: number[],
  change: { add?: string[]; remove?: string[] },
): Promise<void> {
  if (uids.length === 0) return;
  const uidSet = compactUidSet(uids);
  const { path } = folder;
  await withMailbox(client, folder, { readOnly: false }, async () => {
    if (change.add?.length && !(await client.messageFlagsAdd(uidSet, change.add, { uid: true }))) {
      throw refused('STORE +FLAGS', path);
    }
    if (
      change.remove?.length &&
      !(await client.messageFlagsRemove(uidSet, change.remove, { uid: true }))
    ) {
      throw refused('STORE -FLAGS', path);
    }
  });
}

/**
 * Moves messages and returns source UID → destination UID (COPYUID, RFC 4315 §3).
 * Without MOVE: COPY, then \Deleted, then UID EXPUNGE of exactly these UIDs. A plain
 * EXPUNGE would also remove other messages someone flagged \Deleted, so without UIDPLUS
 * the originals are left flagged \Deleted rather than expunged. Throws MailError
 * UIDVALIDITY_CHANGED before anything is moved when `from` was renumbered.
 */
export async function moveMessages(
  client: ImapFlow,
  from: MailboxRef,
  uids: number[],
  toPath: string,
): Promise<Map<number, number>> {
  if (uids.length === 0) return new Map();
  const uidSet = compactUidSet(uids);
  const fromPath = from.path;
  return withMailbox(client, from, { readOnly: false }, async () => {
    if (client.capabilities.has('MOVE')) {
      const moved = await client.messageMove(uidSet, toPath, { uid: true });
      if (!moved) throw refused('MOVE', fromPath);
      return moved.uidMap ?? new Map();
    }
    const copied = await client.messageCopy(uidSet, toPath, { uid: true });
    if (!copied) throw refused('COPY', fromPath);
    if (client.capabilities.has('UIDPLUS')) {
      // imapflow's messageDelete with uid + UIDPLUS is STORE +FLAGS \Deleted, then UID EXPUNGE.
      if (!(await client.messageDelete(uidSet, { uid: true })))
        throw refused('UID EXPUNGE', fromPath);
    } else if (!(await client.messageFlagsAdd(uidSet, ['\\Deleted'], { uid: true }))) {
      throw refused('STORE +FLAGS', fromPath);
    }
    return copied.uidMap ?? new Map();
  });
}

/**
 * Which of these UIDs the folder still holds (UID FETCH of a set skips missing ones).
 * Throws MailError UIDVALIDITY_CHANGED when `folder` was renumbered: then a present UID
 * says nothing about the message the caller means.
 */
export async function presentUids(
  client: ImapFlow,
  folder: MailboxRef,
  uids: number[],
): Promise<Set<number>> {
  const wanted = uids.filter((uid) => uid > 0);
  if (wanted.length === 0) return new Set();
  const wantedSet = new Set(wanted);
  return withMailbox(client, folder, { readOnly: true }, async () => {
    const present = new Set<number>();
    for await (const message of client.fetch(compactUidSet(wanted), { uid: true }, { uid: true })) {
      if (wantedSet.has(message.uid)) present.add(message.uid);
    }
    return present;
  });
}

/**
 * STORE +FLAGS \\Deleted then UID EXPUNGE of exactly these UIDs (RFC 4315 §2.1). Without
 * UIDPLUS a plain EXPUNGE would also remove messages other clients flagged \\Deleted, so
 * such a server is refused instead. Throws MailError UIDVALIDITY_CHANGED before anything
 * is flagged when `folder` was renumbered.
 */
export async function expungeUids(
  client: ImapFlow,
  folder: MailboxRef,
  uids: number[],
): Promise<void> {
  const { path } = folder;
  if (uids.length === 0) return;
  if (!client.capabilities.has('UIDPLUS')) {
    throw new MailError({
      code: 'PROTOCOL',
      protocol: 'imap',
      userMessage: 'The IMAP server cannot delete single messages for good (no UIDPLUS).',
    });
  }
  const expunged = await withMailbox(client, folder, { readOnly: false }, () =>
    client.messageDelete(compactUidSet(uids), { uid: true }),
  );
  if (!expunged) throw refused('UID EXPUNGE', path);
}
