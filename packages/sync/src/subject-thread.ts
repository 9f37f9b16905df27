/**
 * The subject fallback of local threading (threading.ts): which of the conversations that
 * share a reply's normalized subject the reply belongs to, when its References and
 * In-Reply-To link it to nothing the mirror knows. Subjects alone are weak ("Re: 周会" is
 * sent every week by different people), so, as Gmail does, a subject-only reply joins a
 * conversation only when it is between the same people, and the nearest one in time among
 * several; a reply from strangers starts its own conversation.
 */

/** A conversation with the reply's normalized subject. */
export interface SubjectCandidate {
  threadId: string;
  /** newest message of the conversation; null when unknown */
  lastDate: Date | null;
  /**
   * lower-cased addresses of its senders and recipients other than the account's own;
   * null for a conversation threaded before participants were recorded
   */
  participants: ReadonlySet<string> | null;
  /**
   * the conversation's earliest message: when it arrived and whether its subject is a
   * reply's; absent when unknown. A conversation that begins with a reply is waiting for
   * its original (the first sync mirrors newest first, and a Sent original may be
   * mirrored after the reply in INBOX).
   */
  origin?: { at: Date; isReply: boolean } | null;
}

export interface SubjectChoice {
  /** the conversation to join, or null to start a new one */
  threadId: string | null;
  reason:
    | 'shares-participants'
    | 'recent-conversation-without-known-participants'
    | 'no-shared-participants';
}

/**
 * How near in time a conversation threaded before participants were recorded must be for
 * a subject-only reply to join it: its people are unknown, so only time speaks for it.
 */
export const UNKNOWN_PARTICIPANTS_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * Pure: the conversation a subject-only reply joins. Takes the reply's participants (its
 * From, To and Cc addresses, lower-cased, without the account's own — every conversation
 * of the mailbox has those) and time, and the conversations with its subject. Rules, in
 * order:
 * 1. conversations sharing at least one participant with the reply: the one sharing the
 *    most, ties going to the one whose last message is nearest in time;
 * 2. else the newest conversation whose participants are unknown, if its last message is
 *    within UNKNOWN_PARTICIPANTS_WINDOW_MS of the reply;
 * 3. else none: the reply starts a conversation of its own.
 * A conversation whose earliest message is an original newer than the reply is never
 * chosen: last week's reply does not join this week's 周会.
 */
export function chooseSubjectThread(
  reply: { participants: readonly string[]; receivedAt: Date },
  candidates: readonly SubjectCandidate[],
): SubjectChoice {
  const at = reply.receivedAt.getTime();
  const distance = (c: SubjectCandidate) =>
    c.lastDate ? Math.abs(c.lastDate.getTime() - at) : Number.POSITIVE_INFINITY;
  let best: { candidate: SubjectCandidate; shared: number } | null = null;
  // a reply never precedes its original: a conversation begun by a newer original is not its
  const possible = candidates.filter(
    (c) => !(c.origin && !c.origin.isReply && c.origin.at.getTime() > at),
  );
  for (const candidate of possible) {
    const { participants } = candidate;
    if (!participants) continue;
    const shared = reply.participants.filter((p) => participants.has(p)).length;
    if (shared === 0) continue;
    if (
      !best ||
      shared > best.shared ||
      (shared === best.shared && distance(candidate) < distance(best.candidate))
    ) {
      best = { candidate, shared };
    }
  }
  if (best) return { threadId: best.candidate.threadId, reason: 'shares-participants' };
  const unknown = possible
    .filter((c) => c.participants === null && distance(c) <= UNKNOWN_PARTICIPANTS_WINDOW_MS)
    .sort((a, b) => (b.lastDate?.getTime() ?? 0) - (a.lastDate?.getTime() ?? 0))[0];
  if (unknown) {
    return {
      threadId: unknown.threadId,
      reason: 'recent-conversation-without-known-participants',
    };
  }
  return { threadId: null, reason: 'no-shared-participants' };
}

/**
 * Pure: the conversation an original (a message without links and without a reply
 * prefix) completes — one that began with subject-only replies mirrored before it, as
 * happens when the first sync goes newest first or a Sent original is mirrored after the
 * replies in INBOX. Takes the original's participants and time, the conversations with
 * its subject, and `nearerOriginals`: the times of other originals of this subject and
 * people the caller knows of. A conversation qualifies when its earliest message is a
 * reply (origin.isReply) no older than the original, it shares at least one participant
 * with it, and no other known original falls between the two (that one is the nearer
 * start: last week's 周会 does not adopt this week's replies). Among those: the most
 * shared participants, then the earliest reply nearest the original. Returns the thread
 * or null.
 */
export function chooseAdoptingThread(
  original: { participants: readonly string[]; receivedAt: Date },
  candidates: readonly SubjectCandidate[],
  nearerOriginals: readonly Date[] = [],
): string | null {
  const at = original.receivedAt.getTime();
  const sharesWith = (people: ReadonlySet<string> | null) =>
    !!people && original.participants.some((p) => people.has(p));
  // conversations begun by another original of these people are nearer starts too
  const between = [
    ...nearerOriginals,
    ...candidates
      .filter((c) => c.origin && !c.origin.isReply && sharesWith(c.participants))
      .map((c) => c.origin?.at ?? new Date(0)),
  ];
  // a conversation is passed over when a nearer start falls in (at, its origin]: i.e. when
  // the earliest start after the original is no later than its origin (one pass, not one
  // per candidate — a first-sync window holds hundreds of same-subject conversations)
  const nextStart = between.reduce(
    (next, d) => (d.getTime() > at && d.getTime() < next ? d.getTime() : next),
    Number.POSITIVE_INFINITY,
  );
  let best: { threadId: string; shared: number; gap: number } | null = null;
  for (const { threadId, participants, origin } of candidates) {
    if (!origin?.isReply || !participants) continue;
    const gap = origin.at.getTime() - at;
    if (gap < 0) continue;
    if (nextStart <= origin.at.getTime()) continue;
    const shared = original.participants.filter((p) => participants.has(p)).length;
    if (shared === 0) continue;
    if (!best || shared > best.shared || (shared === best.shared && gap < best.gap)) {
      best = { threadId, shared, gap };
    }
  }
  return best?.threadId ?? null;
}
