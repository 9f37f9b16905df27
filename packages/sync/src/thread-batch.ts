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

/** Pure: what to look up for a batch — the Message-IDs it brings and its reply subjects. */
export function threadLookupKeys(batch: readonly MessageSummary[]): {
  ids: string[];
  replySubjects: string[];
} {
  const replies = batch.filter((s) => isReplySubject(s.subject));
  return {
    ids: [...new Set(batch.flatMap(idsOf))],
    replySubjects: [...new Set(replies.map((s) => normalizeSubject(s.subject)))].filter(Boolean),
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
