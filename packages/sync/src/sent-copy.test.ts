import { describe, expect, it } from 'vitest';
import { pickSentCopy, type SentCopyCandidate, type SubmittedMail } from './sent-copy-match';
import { decideSentCopyStep, SENT_COPY_LOOK_EVERY_MS } from './sent-copy-step';

const sentAt = new Date('2025-03-01T08:00:00Z');
const mail: SubmittedMail = {
  messageIdHeader: '<abc-123@qq.com>',
  subject: '周五的会议',
  to: [{ name: '鲍勃', address: 'bob@163.com' }],
  cc: [{ name: '', address: 'carol@qq.com' }],
  sentAt,
};

function copy(overrides: Partial<SentCopyCandidate>): SentCopyCandidate {
  return {
    id: 'm1',
    messageId: '<rewritten-1@qq.com>',
    subject: mail.subject,
    to: mail.to,
    cc: mail.cc,
    sentAt: new Date(sentAt.getTime() - 1_000),
    ...overrides,
  };
}

describe('pickSentCopy', () => {
  it('finds the copy by its Message-ID, whatever else changed', () => {
    const found = copy({ id: 'x', messageId: '<abc-123@qq.com>', subject: 'other', sentAt: null });
    expect(pickSentCopy([copy({ id: 'y', subject: 'nope' }), found], mail)?.id).toBe('x');
  });

  it('accepts a copy whose Message-ID the provider rewrote when date, subject and recipients agree', () => {
    expect(pickSentCopy([copy({})], mail)?.id).toBe('m1');
  });

  it('compares recipients as a case-insensitive set of To and Cc addresses', () => {
    const shuffled = copy({
      to: [{ name: 'Carol', address: 'Carol@QQ.com' }],
      cc: [{ name: '', address: 'bob@163.com' }],
    });
    expect(pickSentCopy([shuffled], mail)?.id).toBe('m1');
  });

  it('rejects a rewritten copy with another subject, other recipients or a distant date', () => {
    expect(pickSentCopy([copy({ subject: '周五的会议 改期' })], mail)).toBeNull();
    expect(pickSentCopy([copy({ cc: [] })], mail)).toBeNull();
    expect(pickSentCopy([copy({ sentAt: new Date(sentAt.getTime() - 10 * 60_000) })], mail)).toBe(
      null,
    );
    expect(pickSentCopy([copy({ sentAt: null })], mail)).toBeNull();
  });

  it('never takes a copy another outgoing mail claimed or that carries its Message-ID', () => {
    const twin = copy({ id: 'twin', messageId: '<other-outgoing@qq.com>' });
    expect(pickSentCopy([copy({})], mail, { claimed: new Set(['m1']) })).toBeNull();
    expect(
      pickSentCopy([twin], mail, { otherMessageIds: new Set(['<other-outgoing@qq.com>']) }),
    ).toBeNull();
  });

  it('prefers the copy closest in date among look-alikes', () => {
    const far = copy({ id: 'far', sentAt: new Date(sentAt.getTime() + 90_000) });
    const near = copy({ id: 'near', sentAt: new Date(sentAt.getTime() + 2_000) });
    expect(pickSentCopy([far, near], mail)?.id).toBe('near');
  });
});

describe('decideSentCopyStep', () => {
  const now = new Date('2025-03-01T08:00:05Z');
  const later = new Date('2025-03-01T08:00:15Z');
  const earlier = new Date('2025-03-01T08:00:04Z');

  it('records the provider’s copy when one was found, under any policy', () => {
    for (const policy of ['unknown', 'files-copy', 'never'] as const) {
      expect(decideSentCopyStep({ policy, found: true, now, lookUntil: later }).type).toBe(
        'filed-by-provider',
      );
    }
  });

  it('looks again a little later while the look lasts', () => {
    const step = decideSentCopyStep({ policy: 'unknown', found: false, now, lookUntil: later });
    expect(step.type).toBe('look-again');
    expect(step.at?.getTime()).toBe(now.getTime() + SENT_COPY_LOOK_EVERY_MS);
  });

  it('never looks past the end of the look', () => {
    const end = new Date(now.getTime() + 500);
    const step = decideSentCopyStep({ policy: 'unknown', found: false, now, lookUntil: end });
    expect(step.at).toEqual(end);
  });

  it('APPENDs when a provider of unknown habit filed nothing in time', () => {
    expect(
      decideSentCopyStep({ policy: 'unknown', found: false, now, lookUntil: earlier }).type,
    ).toBe('append');
  });

  it('APPENDs at once for a provider that never files a copy', () => {
    expect(decideSentCopyStep({ policy: 'never', found: false, now, lookUntil: later }).type).toBe(
      'append',
    );
  });

  it('gives up without APPENDing for a provider known to file the copy', () => {
    expect(
      decideSentCopyStep({ policy: 'files-copy', found: false, now, lookUntil: earlier }).type,
    ).toBe('give-up');
  });
});
