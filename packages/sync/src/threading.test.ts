import { describe, expect, it } from 'vitest';
import type { SubjectCandidate } from './subject-thread';
import {
  assignThreads,
  type KnownThreads,
  normalizeSubject,
  type ThreadableMessage,
} from './threading';

const none: KnownThreads = { byLinkedId: new Map(), bySubject: new Map() };

function candidate(threadId: string, day: number, participants: string[]): SubjectCandidate {
  return {
    threadId,
    lastDate: new Date(Date.UTC(2025, 0, day)),
    participants: new Set(participants),
  };
}

function ids() {
  let n = 0;
  return () => `t${++n}`;
}

function msg(partial: Partial<ThreadableMessage> & { day: number }): ThreadableMessage {
  return {
    messageId: null,
    inReplyTo: null,
    references: [],
    subject: '',
    receivedAt: new Date(Date.UTC(2025, 0, partial.day)),
    participants: [],
    ...partial,
  };
}

describe('normalizeSubject', () => {
  const table: Array<[string, string]> = [
    ['Re: Lunch', 'lunch'],
    ['RE: re: Fwd: Lunch', 'lunch'],
    ['回复: 项目进度', '项目进度'],
    ['回复：项目进度', '项目进度'],
    ['转发: 答复: 会议纪要', '会议纪要'],
    ['Re[2]: Budget  2025', 'budget 2025'],
    ['[dev-list] Re: Build broken', 'build broken'],
    ['Regarding the plan', 'regarding the plan'],
    ['', ''],
  ];
  for (const [subject, expected] of table) {
    it(`normalizes "${subject}" to "${expected}"`, () => {
      expect(normalizeSubject(subject)).toBe(expected);
    });
  }
});

describe('assignThreads', () => {
  it('puts a reply into the thread of the message its In-Reply-To names', () => {
    const result = assignThreads(
      [
        msg({ day: 1, messageId: '<a@x>', subject: 'Lunch' }),
        msg({ day: 2, messageId: '<b@x>', inReplyTo: '<a@x>', subject: 'Re: Lunch' }),
      ],
      none,
      ids(),
    );
    expect(result.threadIds).toEqual(['t1', 't1']);
    expect(result.newThreads).toHaveLength(1);
    expect(result.newThreads[0]?.lastDate).toEqual(new Date(Date.UTC(2025, 0, 2)));
  });

  it('links a batch delivered newest first (the first sync order)', () => {
    const result = assignThreads(
      [
        msg({ day: 3, messageId: '<c@x>', references: ['<a@x>', '<b@x>'], subject: 'Re: Plan' }),
        msg({ day: 2, messageId: '<b@x>', references: ['<a@x>'], subject: 'Re: Plan' }),
        msg({ day: 1, messageId: '<a@x>', subject: 'Plan' }),
      ],
      none,
      ids(),
    );
    expect(new Set(result.threadIds).size).toBe(1);
  });

  it('joins a thread already in the mirror through References', () => {
    const known = { ...none, byLinkedId: new Map([['<a@x>', 'old']]) };
    const result = assignThreads(
      [msg({ day: 5, messageId: '<z@x>', references: ['<a@x>'], subject: 'Re: Plan' })],
      known,
      ids(),
    );
    expect(result.threadIds).toEqual(['old']);
    expect(result.newThreads).toEqual([]);
  });

  it('puts an older original into the thread of a mirrored reply that references it', () => {
    const known = { ...none, byLinkedId: new Map([['<a@x>', 'replies']]) };
    const result = assignThreads(
      [msg({ day: 1, messageId: '<a@x>', subject: 'Plan' })],
      known,
      ids(),
    );
    expect(result.threadIds).toEqual(['replies']);
  });

  it('puts replies to a parent the mirror lacks into one thread', () => {
    const result = assignThreads(
      [
        msg({ day: 2, messageId: '<b@x>', inReplyTo: '<gone@x>', subject: 'Re: Plan' }),
        msg({ day: 3, messageId: '<c@x>', references: ['<gone@x>'], subject: 'Re: Plan v2' }),
      ],
      none,
      ids(),
    );
    expect(result.threadIds).toEqual(['t1', 't1']);
    expect(result.newThreads).toHaveLength(1);
  });

  it('joins a reply without References by its normalized subject (回复:) and its people', () => {
    const known = { ...none, bySubject: new Map([['项目进度', [candidate('cn', 3, ['li@x'])]]]) };
    const result = assignThreads(
      [msg({ day: 4, subject: '回复: 项目进度', participants: ['li@x'] })],
      known,
      ids(),
    );
    expect(result.threadIds).toEqual(['cn']);
  });

  it('joins a subject-only reply to the older of two same-subject conversations when its people are there', () => {
    const known = {
      ...none,
      bySubject: new Map([
        [
          '周会',
          [
            candidate('newer', 10, ['wang@x', 'zhao@x']),
            candidate('older', 3, ['zhang@x', 'li@x']),
          ],
        ],
      ]),
    };
    const result = assignThreads(
      [msg({ day: 11, subject: '回复: 周会', participants: ['li@x', 'zhang@x'] })],
      known,
      ids(),
    );
    expect(result.threadIds).toEqual(['older']);
  });

  it('starts a new thread for a subject-only reply between strangers', () => {
    const known = { ...none, bySubject: new Map([['周会', [candidate('old', 3, ['zhang@x'])]]]) };
    const result = assignThreads(
      [msg({ day: 200, subject: 'Re: 周会', participants: ['chen@y', 'liu@y'] })],
      known,
      ids(),
    );
    expect(result.threadIds).toEqual(['t1']);
    expect(result.newThreads[0]?.participants).toEqual(['chen@y', 'liu@y']);
  });

  it('keeps two same-subject conversations of one batch apart by their people', () => {
    const result = assignThreads(
      [
        msg({ day: 1, subject: '周会', participants: ['zhang@x', 'li@x'] }),
        msg({ day: 2, subject: '周会', participants: ['wang@x', 'zhao@x'] }),
        msg({ day: 3, subject: '回复: 周会', participants: ['li@x', 'zhang@x'] }),
        msg({ day: 4, subject: '回复: 周会', participants: ['zhao@x'] }),
      ],
      none,
      ids(),
    );
    expect(result.threadIds).toEqual(['t1', 't2', 't1', 't2']);
  });

  it('starts a new thread for an unrelated message with an equal subject and no prefix', () => {
    const known = { ...none, bySubject: new Map([['hello', [candidate('other', 3, [])]]]) };
    const result = assignThreads([msg({ day: 4, subject: 'Hello' })], known, ids());
    expect(result.threadIds).toEqual(['t1']);
    expect(result.newThreads).toEqual([
      { id: 't1', subjectKey: 'hello', lastDate: new Date(Date.UTC(2025, 0, 4)), participants: [] },
    ]);
  });

  it('never merges replies with an empty subject by subject', () => {
    const result = assignThreads(
      [msg({ day: 1, subject: 'Re:' }), msg({ day: 2, subject: 'Re: ' })],
      none,
      ids(),
    );
    expect(result.threadIds).toEqual(['t1', 't2']);
  });
});

describe('assignThreads: originals mirrored after their replies', () => {
  const known = (list: SubjectCandidate[]): KnownThreads => ({
    byLinkedId: new Map(),
    bySubject: new Map([['周会', list]]),
  });
  const repliesOf = (threadId: string, person: string, day: number): SubjectCandidate => ({
    ...candidate(threadId, day, [person]),
    origin: { at: new Date(Date.UTC(2025, 0, day)), isReply: true },
  });

  it('files each original under the replies of its own people, the older one apart', () => {
    const batch = [
      msg({ day: 1, subject: '周会', participants: ['bob@x'] }),
      msg({ day: 2, subject: '周会', participants: ['carol@x'] }),
      msg({ day: 9, subject: '周会', participants: ['bob@x'] }),
    ];
    const result = assignThreads(
      batch,
      known([repliesOf('bob-replies', 'bob@x', 10), repliesOf('carol-replies', 'carol@x', 3)]),
      ids(),
    );
    expect(result.threadIds).toEqual(['t1', 'carol-replies', 'bob-replies']);
  });

  it('never lets an original with links or a reply adopt by subject', () => {
    const batch = [
      msg({ day: 1, subject: '周会', participants: ['bob@x'], inReplyTo: '<elsewhere@x>' }),
    ];
    const result = assignThreads(batch, known([repliesOf('bob-replies', 'bob@x', 10)]), ids());
    expect(result.threadIds).toEqual(['t1']);
  });
});

describe('assignThreads: a message that links two conversations', () => {
  it('makes them one, keeping the mirrored conversation', () => {
    const known: KnownThreads = {
      byLinkedId: new Map([
        ['<start@x>', 'T0'],
        ['<parent@x>', 'T1'],
      ]),
      bySubject: new Map(),
    };
    // the parent, whose reply was mirrored first (T1), answers the conversation T0
    const parent = msg({ day: 3, messageId: '<parent@x>', references: ['<start@x>'] });
    const result = assignThreads([parent], known, ids());
    expect(result.threadIds).toEqual(['T0']);
    expect([...result.merged]).toEqual([['T1', 'T0']]);
  });

  it('folds a conversation begun in the same batch into the mirrored one', () => {
    const known: KnownThreads = {
      byLinkedId: new Map([['<start@x>', 'T0']]),
      bySubject: new Map(),
    };
    const reply = msg({ day: 5, messageId: '<reply@x>', inReplyTo: '<parent@x>' });
    const parent = msg({ day: 6, messageId: '<parent@x>', inReplyTo: '<start@x>' });
    const result = assignThreads([reply, parent], known, ids());
    expect(result.threadIds).toEqual(['T0', 'T0']);
    expect(result.newThreads).toEqual([]);
    expect(result.merged.size).toBe(0);
  });
});
