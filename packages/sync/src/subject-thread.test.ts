import { describe, expect, it } from 'vitest';
import {
  chooseAdoptingThread,
  chooseSubjectThread,
  type SubjectCandidate,
  UNKNOWN_PARTICIPANTS_WINDOW_MS,
} from './subject-thread';

const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000);
const known = (threadId: string, lastDay: number, people: string[]): SubjectCandidate => ({
  threadId,
  lastDate: day(lastDay),
  participants: new Set(people),
});
const unknown = (threadId: string, lastDay: number): SubjectCandidate => ({
  threadId,
  lastDate: day(lastDay),
  participants: null,
});

describe('chooseSubjectThread', () => {
  it('joins the conversation that shares a participant, not the newest one with the subject', () => {
    const choice = chooseSubjectThread({ participants: ['li@x'], receivedAt: day(20) }, [
      known('newest', 19, ['wang@x']),
      known('older', 5, ['zhang@x', 'li@x']),
    ]);
    expect(choice).toEqual({ threadId: 'older', reason: 'shares-participants' });
  });

  it('prefers the conversation sharing more participants', () => {
    const choice = chooseSubjectThread({ participants: ['a@x', 'b@x'], receivedAt: day(20) }, [
      known('one', 19, ['a@x', 'list@x']),
      known('two', 2, ['a@x', 'b@x']),
    ]);
    expect(choice.threadId).toBe('two');
  });

  it('breaks a tie by the conversation nearest in time (a weekly meeting with the same people)', () => {
    const choice = chooseSubjectThread({ participants: ['a@x'], receivedAt: day(15) }, [
      known('this-week', 14, ['a@x']),
      known('last-week', 7, ['a@x']),
      known('next-week-sent-early', 30, ['a@x']),
    ]);
    expect(choice.threadId).toBe('this-week');
  });

  it('starts a conversation of its own for strangers, months later', () => {
    const choice = chooseSubjectThread(
      { participants: ['chen@y', 'liu@y'], receivedAt: day(200) },
      [known('old', 10, ['zhang@x', 'li@x'])],
    );
    expect(choice).toEqual({ threadId: null, reason: 'no-shared-participants' });
  });

  it('starts a conversation of its own when there is no candidate', () => {
    expect(chooseSubjectThread({ participants: ['a@x'], receivedAt: day(1) }, []).threadId).toBe(
      null,
    );
  });

  it('joins a recent conversation threaded before participants were recorded', () => {
    const choice = chooseSubjectThread({ participants: ['a@x'], receivedAt: day(10) }, [
      unknown('legacy-old', 1),
      unknown('legacy-recent', 8),
    ]);
    expect(choice).toEqual({
      threadId: 'legacy-recent',
      reason: 'recent-conversation-without-known-participants',
    });
  });

  it('leaves a conversation of unknown people alone once it is older than the window', () => {
    const receivedAt = new Date(day(0).getTime() + UNKNOWN_PARTICIPANTS_WINDOW_MS + 1);
    expect(
      chooseSubjectThread({ participants: ['a@x'], receivedAt }, [unknown('legacy', 0)]),
    ).toEqual({ threadId: null, reason: 'no-shared-participants' });
  });

  it('prefers a conversation with shared people over a newer one of unknown people', () => {
    const choice = chooseSubjectThread({ participants: ['a@x'], receivedAt: day(10) }, [
      unknown('legacy', 9),
      known('shared', 2, ['a@x']),
    ]);
    expect(choice.threadId).toBe('shared');
  });
});

const begunBy = (
  threadId: string,
  people: string[],
  originDay: number,
  isReply: boolean,
  lastDay = originDay,
): SubjectCandidate => ({
  ...known(threadId, lastDay, people),
  origin: { at: day(originDay), isReply },
});

describe("chooseSubjectThread and the conversation's origin", () => {
  it('never files a reply under a conversation begun by a newer original', () => {
    const choice = chooseSubjectThread({ participants: ['boss@x'], receivedAt: day(3) }, [
      begunBy('this-week', ['boss@x'], 8, false, 9),
    ]);
    expect(choice.threadId).toBeNull();
  });
});

describe('chooseAdoptingThread', () => {
  it('completes the conversation its replies began before it was mirrored', () => {
    expect(
      chooseAdoptingThread({ participants: ['bob@x'], receivedAt: day(9) }, [
        begunBy('bob-replies', ['bob@x'], 10, true),
      ]),
    ).toBe('bob-replies');
  });

  it('keeps apart the replies of other people and replies older than the original', () => {
    const original = { participants: ['bob@x'], receivedAt: day(9) };
    expect(chooseAdoptingThread(original, [begunBy('carol', ['carol@x'], 10, true)])).toBeNull();
    expect(chooseAdoptingThread(original, [begunBy('older', ['bob@x'], 8, true)])).toBeNull();
    expect(chooseAdoptingThread(original, [begunBy('rooted', ['bob@x'], 10, false)])).toBeNull();
  });

  it('leaves the replies to a nearer original of the same people', () => {
    const lastWeek = { participants: ['bob@x'], receivedAt: day(1) };
    const replies = begunBy('replies', ['bob@x'], 10, true);
    // another original between them, in the batch or already mirrored
    expect(chooseAdoptingThread(lastWeek, [replies], [day(9)])).toBeNull();
    expect(
      chooseAdoptingThread(lastWeek, [replies, begunBy('this-week', ['bob@x'], 9, false)]),
    ).toBeNull();
    expect(chooseAdoptingThread({ ...lastWeek, receivedAt: day(9) }, [replies], [day(1)])).toBe(
      'replies',
    );
  });

  it('takes the conversation sharing the most people, then the nearest', () => {
    const original = { participants: ['bob@x', 'carol@x'], receivedAt: day(5) };
    expect(
      chooseAdoptingThread(original, [
        begunBy('near-one', ['bob@x'], 6, true),
        begunBy('far-both', ['bob@x', 'carol@x'], 20, true),
      ]),
    ).toBe('far-both');
    expect(
      chooseAdoptingThread(original, [
        begunBy('far', ['bob@x'], 20, true),
        begunBy('near', ['carol@x'], 6, true),
      ]),
    ).toBe('near');
  });
});
