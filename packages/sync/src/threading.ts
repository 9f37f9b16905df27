/**
 * Local conversation grouping, because QQ and NetEase offer no IMAP THREAD (RFC 5256).
 * A message joins the thread of any message it names in References / In-Reply-To
 * (RFC 5322 §3.6.4) or that names it; without such links a reply (its subject carries a
 * Re:/Fwd:/回复:/转发:/答复: prefix) joins the newest thread with the same normalized
 * subject, which catches clients that drop References. A message without links and
 * without a reply prefix starts a thread of its own: equal subjects alone ("Hello",
 * "Invoice") are too weak to merge unrelated mail.
 */

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
}

export interface KnownThreads {
  /**
   * Message-ID → thread of a mirrored message that has that Message-ID or names it in
   * References / In-Reply-To (replies that share a parent share its thread)
   */
  byLinkedId: ReadonlyMap<string, string>;
  /** normalized subject → newest thread with that subject */
  bySubject: ReadonlyMap<string, string>;
}

export interface ThreadAssignment {
  /** thread per input message, in input order */
  threadIds: string[];
  /** threads that do not exist yet and must be inserted */
  newThreads: Array<{ id: string; subjectKey: string; lastDate: Date }>;
}

/** Assigns threads to a batch; messages are linked to each other oldest first. */
export function assignThreads(
  messages: readonly ThreadableMessage[],
  known: KnownThreads,
  newThreadId: () => string,
): ThreadAssignment {
  const byLinkedId = new Map(known.byLinkedId);
  const bySubject = new Map(known.bySubject);
  const created = new Map<string, { id: string; subjectKey: string; lastDate: Date }>();
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
      (isReplySubject(message.subject) && subjectKey ? bySubject.get(subjectKey) : undefined);
    if (!threadId) {
      threadId = newThreadId();
      created.set(threadId, { id: threadId, subjectKey, lastDate: message.receivedAt });
    }
    const fresh = created.get(threadId);
    if (fresh && fresh.lastDate < message.receivedAt) fresh.lastDate = message.receivedAt;
    threadIds[i] = threadId;
    for (const id of idsOf(message)) if (!byLinkedId.has(id)) byLinkedId.set(id, threadId);
    if (subjectKey) bySubject.set(subjectKey, threadId);
  }
  return { threadIds, newThreads: [...created.values()] };
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
