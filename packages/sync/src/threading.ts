/**
 * Local conversation grouping, because QQ and NetEase offer no IMAP THREAD (RFC 5256).
 * A message joins the thread of any message it names in References / In-Reply-To
 * (RFC 5322 §3.6.4) or that names it; without such links a reply (its subject carries a
 * Re:/Fwd:/回复:/转发:/答复: prefix) joins a conversation with the same normalized subject
 * between the same people (subject-thread.ts), which catches clients that drop References. A message without links and
 * without a reply prefix starts a thread of its own: equal subjects alone ("Hello",
 * "Invoice") are too weak to merge unrelated mail.
 */

import { chooseSubjectThread, type SubjectCandidate } from './subject-thread';

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
  const threadIds: string[] = new Array(messages.length);
  const order = messages.map((_, i) => i).sort((a, b) => dateOf(messages, a) - dateOf(messages, b));

  for (const i of order) {
    const message = messages[i];
    if (!message) continue;
    const links = linkedIds(message);
    const subjectKey = normalizeSubject(message.subject);
    let threadId =
      links.map((id) => byLinkedId.get(id)).find((t) => t !== undefined) ??
      (message.messageId ? byLinkedId.get(message.messageId) : undefined) ??
      (isReplySubject(message.subject) && subjectKey
        ? (chooseSubjectThread(message, bySubject.get(subjectKey) ?? []).threadId ?? undefined)
        : undefined);
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
  return { threadIds, newThreads: [...created.values()] };
}

/** Adds addresses to a participant list, without repeats, up to MAX_THREAD_PARTICIPANTS. */
export function mergeParticipants(known: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...known, ...added])].slice(0, MAX_THREAD_PARTICIPANTS);
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
  const candidate = { threadId, lastDate, participants };
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

const dateOf = (messages: readonly ThreadableMessage[], i: number) =>
  messages[i]?.receivedAt.getTime() ?? 0;
