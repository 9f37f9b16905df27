/**
 * Local conversation grouping, because QQ and NetEase offer no IMAP THREAD (RFC 5256).
 * A message joins the thread of any message it names in References / In-Reply-To
 * (RFC 5322 §3.6.4) or that names it; without such links a reply (its subject carries a
 * Re:/Fwd:/回复:/转发:/答复: prefix) joins a conversation with the same normalized subject
 * between the same people (subject-thread.ts), which catches clients that drop References.
 * A message without links and without a reply prefix (an original) starts a thread of its
 * own — equal subjects alone ("Hello", "Invoice") are too weak to merge unrelated mail —
 * unless subject-only replies between the same people, mirrored before it, began a
 * conversation that waits for it (chooseAdoptingThread): the first sync goes newest first,
 * so replies are usually mirrored before their original.
 */

import { chooseAdoptingThread, chooseSubjectThread, type SubjectCandidate } from './subject-thread';

const REPLY_PREFIX =
  /^\s*(?:(?:re|fw|fwd|aw|sv|vs)(?:\s*\[\d+\])?|回复|答复|转发|回覆|轉發)\s*[:：]\s*/i;
const LIST_TAG = /^\s*\[[^\]]{1,40}\]\s*/;

export function normalizeSubject(subject: string): string {
  let current = subject;
  for (;;) {
    const next = current.replace(REPLY_PREFIX, '').replace(LIST_TAG, '');
    if (next === current) break;
    current = next;
  }
  return current.replace(/\s+/g, ' ').trim().toLowerCase();
}

export function isReplySubject(subject: string): boolean {
  return REPLY_PREFIX.test(subject.replace(LIST_TAG, ''));
}

export interface ThreadableMessage {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  receivedAt: Date;
  /** lower-cased From, To and Cc addresses other than the account's own */
  participants: readonly string[];
}

/** At most this many participants are kept per thread (a 1,000-recipient mail exists). */
export const MAX_THREAD_PARTICIPANTS = 100;

export interface NewThread {
  id: string;
  subjectKey: string;
  lastDate: Date;
  participants: string[];
}

export interface KnownThreads {
  /**
   * Message-ID → thread of a mirrored message that has that Message-ID or names it in
   * References / In-Reply-To (replies that share a parent share its thread)
   */
  byLinkedId: ReadonlyMap<string, string>;
  /** normalized subject → the newest threads with that subject */
  bySubject: ReadonlyMap<string, readonly SubjectCandidate[]>;
}

export interface ThreadAssignment {
  /** thread per input message, in input order */
  threadIds: string[];
  /** threads that do not exist yet and must be inserted */
  newThreads: NewThread[];
  /**
   * mirrored threads a message of the batch showed to be one conversation with another:
   * absorbed thread → the thread that keeps its messages and links (merge-threads.ts)
   */
  merged: Map<string, string>;
}

/** Assigns threads to a batch; messages are linked to each other oldest first. */
export function assignThreads(
  messages: readonly ThreadableMessage[],
  known: KnownThreads,
  newThreadId: () => string,
): ThreadAssignment {
  const byLinkedId = new Map(known.byLinkedId);
  const bySubject = new Map([...known.bySubject].map(([key, list]) => [key, [...list]]));
  const created = new Map<string, NewThread>();
  const merged = new Map<string, string>();
  const threadIds: string[] = new Array(messages.length);
  const order = messages.map((_, i) => i).sort((a, b) => dateOf(messages, a) - dateOf(messages, b));
  const originals = originalsBySubject(messages);

  for (const i of order) {
    const message = messages[i];
    if (!message) continue;
    const links = linkedIds(message);
    const subjectKey = normalizeSubject(message.subject);
    // every conversation the message links, in order: its References, In-Reply-To, own id
    const linkedThreads = [
      ...new Set(
        [...links, ...(message.messageId ? [message.messageId] : [])]
          .map((id) => byLinkedId.get(id))
          .filter((t): t is string => t !== undefined),
      ),
    ];
    // a message linking two conversations makes them one (its reply came before it)
    const keep = linkedThreads.find((t) => !created.has(t)) ?? linkedThreads[0];
    for (const other of linkedThreads) {
      if (keep && other !== keep) absorb(other, keep);
    }
    let threadId =
      keep ?? subjectThread(message, subjectKey, bySubject.get(subjectKey) ?? [], originals);
    if (!threadId) {
      threadId = newThreadId();
      created.set(threadId, {
        id: threadId,
        subjectKey,
        lastDate: message.receivedAt,
        participants: [],
      });
    }
    const fresh = created.get(threadId);
    if (fresh) {
      if (fresh.lastDate < message.receivedAt) fresh.lastDate = message.receivedAt;
      fresh.participants = mergeParticipants(fresh.participants, message.participants);
    }
    threadIds[i] = threadId;
    for (const id of idsOf(message)) if (!byLinkedId.has(id)) byLinkedId.set(id, threadId);
    if (subjectKey) noteSubjectCandidate(bySubject, subjectKey, threadId, message);
  }
  return { threadIds, newThreads: [...created.values()], merged };

  /** Moves everything of thread `from` to thread `into`, in this batch's view. */
  function absorb(from: string, into: string) {
    for (const [id, t] of byLinkedId) if (t === from) byLinkedId.set(id, into);
    threadIds.forEach((t, i) => {
      if (t === from) threadIds[i] = into;
    });
    for (const [key, list] of bySubject) {
      bySubject.set(
        key,
        list.filter((c) => c.threadId !== from),
      );
    }
    const fresh = created.get(from);
    if (fresh) {
      created.delete(from);
      const target = created.get(into);
      if (target) {
        if (target.lastDate < fresh.lastDate) target.lastDate = fresh.lastDate;
        target.participants = mergeParticipants(target.participants, fresh.participants);
      }
      return;
    }
    for (const [absorbed, kept] of merged) if (kept === from) merged.set(absorbed, into);
    merged.set(from, into);
  }
}

/** Adds addresses to a participant list, without repeats, up to MAX_THREAD_PARTICIPANTS. */
export function mergeParticipants(known: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...known, ...added])].slice(0, MAX_THREAD_PARTICIPANTS);
}

/**
 * The conversation a message that links to nothing known joins by its subject: a reply
 * the one of its people (chooseSubjectThread), an original without links one its
 * replies began before it was mirrored (chooseAdoptingThread); else undefined.
 */
function subjectThread(
  message: ThreadableMessage,
  subjectKey: string,
  candidates: readonly SubjectCandidate[],
  originals: ReadonlyMap<string, readonly ThreadableMessage[]>,
): string | undefined {
  if (!subjectKey) return undefined;
  if (isReplySubject(message.subject)) {
    return chooseSubjectThread(message, candidates).threadId ?? undefined;
  }
  if (linkedIds(message).length > 0) return undefined;
  // only a conversation begun by a reply can adopt an original
  if (!candidates.some((c) => c.origin?.isReply && c.participants)) return undefined;
  // other originals of these people matter only when newer (a nearer start): the cheap time
  // test first — a first-sync window holds hundreds of same-subject originals
  const at = message.receivedAt.getTime();
  const nearer: Date[] = [];
  for (const o of originals.get(subjectKey) ?? []) {
    if (o === message || o.receivedAt.getTime() <= at) continue;
    if (o.participants.some((p) => message.participants.includes(p))) nearer.push(o.receivedAt);
  }
  return chooseAdoptingThread(message, candidates, nearer) ?? undefined;
}

/** Records that `threadId` now holds a message of this subject, its people and time. */
function noteSubjectCandidate(
  bySubject: Map<string, SubjectCandidate[]>,
  subjectKey: string,
  threadId: string,
  message: ThreadableMessage,
) {
  const list = bySubject.get(subjectKey) ?? [];
  const index = list.findIndex((c) => c.threadId === threadId);
  const previous = list[index];
  const lastDate =
    previous?.lastDate && previous.lastDate > message.receivedAt
      ? previous.lastDate
      : message.receivedAt;
  const participants = new Set(
    mergeParticipants([...(previous?.participants ?? [])], message.participants),
  );
  const origin = originAfter(previous, message);
  const candidate = { threadId, lastDate, participants, origin };
  if (index >= 0) list[index] = candidate;
  else list.push(candidate);
  bySubject.set(subjectKey, list);
}

/** Message-IDs a message points at: References in order, then In-Reply-To. */
export function linkedIds(message: Pick<ThreadableMessage, 'inReplyTo' | 'references'>): string[] {
  const ids = [...message.references];
  if (message.inReplyTo && !ids.includes(message.inReplyTo)) ids.push(message.inReplyTo);
  return ids;
}

/** Every Message-ID a message brings to the thread index: its own and those it names. */
export function idsOf(message: Pick<ThreadableMessage, 'messageId' | 'inReplyTo' | 'references'>) {
  const links = linkedIds(message);
  return message.messageId && !links.includes(message.messageId)
    ? [message.messageId, ...links]
    : links;
}

/** The earliest message of a thread once `message` joins it (unknown stays unknown). */
function originAfter(
  previous: SubjectCandidate | undefined,
  message: ThreadableMessage,
): SubjectCandidate['origin'] {
  const mine = { at: message.receivedAt, isReply: isReplySubject(message.subject) };
  if (!previous) return mine;
  if (previous.origin === undefined) return undefined;
  return !previous.origin || previous.origin.at > message.receivedAt ? mine : previous.origin;
}

/** Pure: the batch's originals (no reply prefix, no links) by normalized subject. */
function originalsBySubject(messages: readonly ThreadableMessage[]) {
  const bySubject = new Map<string, ThreadableMessage[]>();
  for (const message of messages) {
    if (isReplySubject(message.subject) || linkedIds(message).length > 0) continue;
    const key = normalizeSubject(message.subject);
    const list = bySubject.get(key);
    if (list) list.push(message);
    else bySubject.set(key, [message]);
  }
  return bySubject;
}

const dateOf = (messages: readonly ThreadableMessage[], i: number) =>
  messages[i]?.receivedAt.getTime() ?? 0;
