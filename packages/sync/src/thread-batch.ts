/**
 * Threading a batch of messages new to the mirror (see threading.ts) against what the
 * account already knows: thread_link (every known Message-ID → thread, a primary-key
 * lookup whatever the size of the mirror) and the newest threads per reply subject with
 * their participants.
 */
import crypto from 'node:crypto';
import type { MessageSummary } from '@youjian/mail';
import {
  assignThreads,
  idsOf,
  isReplySubject,
  type KnownThreads,
  linkedIds,
  mergeParticipants,
  type NewThread,
  normalizeSubject,
} from './threading';

/**
 * Pure: the people of a message for threading — its From, To and Cc addresses, lower-cased,
 * without the account's own addresses (`own`, lower-cased), which every conversation of
 * the mailbox shares.
 */
export function participantsOf(
  summary: Pick<MessageSummary, 'from' | 'to' | 'cc'>,
  own: ReadonlySet<string>,
): string[] {
  const addresses = [summary.from, ...summary.to, ...summary.cc]
    .map((a) => a?.address?.trim().toLowerCase() ?? '')
    .filter((a) => a.includes('@') && !own.has(a));
  return mergeParticipants([], addresses);
}

/**
 * Pure: what to look up for a batch — the Message-IDs it brings, its reply subjects, and
 * the subjects of its originals (no reply prefix, no links) with the earliest time each
 * arrived: only a conversation whose last message is no older can be waiting for one.
 */
export function threadLookupKeys(batch: readonly MessageSummary[]): {
  ids: string[];
  replySubjects: string[];
  originalSubjects: Map<string, Date>;
} {
  const replies = batch.filter((s) => isReplySubject(s.subject));
  const originalSubjects = new Map<string, Date>();
  for (const s of batch) {
    const key = normalizeSubject(s.subject);
    if (!key || isReplySubject(s.subject) || linkedIds(s).length > 0) continue;
    const since = originalSubjects.get(key);
    if (!since || s.receivedAt < since) originalSubjects.set(key, s.receivedAt);
  }
  return {
    ids: [...new Set(batch.flatMap(idsOf))],
    replySubjects: [...new Set(replies.map((s) => normalizeSubject(s.subject)))].filter(Boolean),
    originalSubjects,
  };
}

export interface ThreadPlan {
  /** uid → thread */
  threadOf: Map<number, string>;
  newThreads: NewThread[];
  /** Message-IDs the account did not know yet → their thread */
  newLinks: Map<string, string>;
  /** known threads the batch joins → newest date joining each and the people it adds */
  joined: Map<string, { lastDate: Date; participants: string[] }>;
  /** mirrored threads that become one: absorbed → kept (merge-threads.ts) */
  merged: Map<string, string>;
}

/**
 * Assigns threads to the messages new to the mirror and lists what to record; `own` holds
 * the account's own addresses, lower-cased.
 */
export function planThreads(
  fresh: readonly MessageSummary[],
  known: KnownThreads,
  own: ReadonlySet<string>,
): ThreadPlan {
  const threadable = fresh.map((s) => ({ ...s, participants: participantsOf(s, own) }));
  const assignment = assignThreads(threadable, known, () => crypto.randomUUID());
  const created = new Set(assignment.newThreads.map((t) => t.id));
  const plan: ThreadPlan = {
    threadOf: new Map(),
    newThreads: assignment.newThreads,
    newLinks: new Map(),
    joined: new Map(),
    merged: assignment.merged,
  };
  threadable.forEach((s, i) => {
    const threadId = assignment.threadIds[i];
    if (!threadId) return;
    plan.threadOf.set(s.uid, threadId);
    for (const id of idsOf(s)) {
      if (!known.byLinkedId.has(id) && !plan.newLinks.has(id)) plan.newLinks.set(id, threadId);
    }
    if (created.has(threadId)) return;
    const last = plan.joined.get(threadId);
    plan.joined.set(threadId, {
      lastDate: last && last.lastDate > s.receivedAt ? last.lastDate : s.receivedAt,
      participants: mergeParticipants(last?.participants ?? [], s.participants),
    });
  });
  return plan;
}
