/**
 * What becomes of a queued op whose folder was renumbered (a new UIDVALIDITY, RFC 3501
 * §2.3.1.1) between queueing and applying: its UIDs name nothing reliable any more, so
 * each message is looked for again by what the renumbering leaves alone — Message-ID,
 * RFC822.SIZE and INTERNALDATE — among the folder's messages under the new numbering.
 * Pure: the I/O (re-syncing the folder, reading the mirror) is in renumbered-folder.ts.
 */
import type { MessageIdentity } from './enqueue-imap-op';

/** A message of the folder under its new UIDVALIDITY, as the re-synced mirror holds it. */
export interface CurrentMessage {
  uid: number;
  messageIdHeader: string | null;
  size: number;
  /** INTERNALDATE, ISO 8601 */
  receivedAt: string;
}

export type RenumberedOpDecision =
  /** apply the op to the new UIDs (old → new); `dropped` old UIDs found no message */
  | { type: 'reapply'; uidMap: Map<number, number>; dropped: number[] }
  /** none of the op's messages can be told apart any more: drop it and tell the user */
  | { type: 'drop'; dropped: number[] };

/** INTERNALDATE has a resolution of one second (RFC 3501 §9 date-time). */
const second = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * Maps each of the op's old UIDs to the UID its message has now. A message is the same
 * when its Message-ID and size are equal; among equal candidates (the same mail filed
 * twice) the one with the same INTERNALDATE is preferred, then the lowest UID, and a
 * candidate is given to one queued message only — a renumbering keeps the order of a
 * folder's messages, so duplicates keep theirs too. A message without a Message-ID, or
 * an op queued before identities travelled with it (`identities` undefined), cannot be
 * recognised: its UIDs are dropped, never applied to whatever holds that UID now.
 */
export function decideRenumberedOp(
  uids: readonly number[],
  identities: readonly MessageIdentity[] | undefined,
  current: readonly CurrentMessage[],
): RenumberedOpDecision {
  const byUid = new Map((identities ?? []).map((identity) => [identity.uid, identity]));
  const claimed = new Set<number>();
  const uidMap = new Map<number, number>();
  const dropped: number[] = [];
  for (const uid of [...new Set(uids)].sort((a, b) => a - b)) {
    const identity = byUid.get(uid);
    const match = identity ? findMessage(identity, current, claimed) : undefined;
    if (match === undefined) {
      dropped.push(uid);
      continue;
    }
    claimed.add(match);
    uidMap.set(uid, match);
  }
  return uidMap.size === 0 ? { type: 'drop', dropped } : { type: 'reapply', uidMap, dropped };
}

function findMessage(
  identity: MessageIdentity,
  current: readonly CurrentMessage[],
  claimed: ReadonlySet<number>,
): number | undefined {
  if (!identity.messageIdHeader) return undefined;
  const candidates = current
    .filter(
      (m) =>
        !claimed.has(m.uid) &&
        m.messageIdHeader === identity.messageIdHeader &&
        m.size === identity.size,
    )
    .sort((a, b) => a.uid - b.uid);
  const sameDate = candidates.find((m) => second(m.receivedAt) === second(identity.receivedAt));
  return (sameDate ?? candidates[0])?.uid;
}
