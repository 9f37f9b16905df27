/**
 * Threading a batch of messages new to the mirror (see threading.ts) against what the
 * account already knows: thread_link (every known Message-ID → thread, a primary-key
 * lookup whatever the size of the mirror) and the newest thread per reply subject.
 */
import crypto from 'node:crypto';
import type { MessageSummary } from '@youjian/mail';
import {
  assignThreads,
  idsOf,
  isReplySubject,
  type KnownThreads,
  normalizeSubject,
} from './threading';

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
  newThreads: Array<{ id: string; subjectKey: string; lastDate: Date }>;
  /** Message-IDs the account did not know yet → their thread */
  newLinks: Map<string, string>;
  /** known threads the batch joins → newest date joining each */
  joined: Map<string, Date>;
}

/** Assigns threads to the messages new to the mirror and lists what to record. */
export function planThreads(fresh: readonly MessageSummary[], known: KnownThreads): ThreadPlan {
  const assignment = assignThreads(fresh, known, () => crypto.randomUUID());
  const created = new Set(assignment.newThreads.map((t) => t.id));
  const plan: ThreadPlan = {
    threadOf: new Map(),
    newThreads: assignment.newThreads,
    newLinks: new Map(),
    joined: new Map(),
  };
  fresh.forEach((s, i) => {
    const threadId = assignment.threadIds[i];
    if (!threadId) return;
    plan.threadOf.set(s.uid, threadId);
    for (const id of idsOf(s)) {
      if (!known.byLinkedId.has(id) && !plan.newLinks.has(id)) plan.newLinks.set(id, threadId);
    }
    if (created.has(threadId)) return;
    const last = plan.joined.get(threadId);
    if (!last || last < s.receivedAt) plan.joined.set(threadId, s.receivedAt);
  });
  return plan;
}
