import { describe, expect, it } from 'vitest';
import { boundedSummary, cutText, MAX_SUBJECT_CHARS } from './bounded-summary';
import type { MessageSummary } from './types';

const summary = (fields: Partial<MessageSummary>): MessageSummary => ({
  uid: 1,
  flags: [],
  messageId: '<a@x>',
  inReplyTo: null,
  references: [],
  subject: '',
  from: null,
  to: [],
  cc: [],
  sentAt: null,
  receivedAt: new Date(0),
  size: 0,
  hasAttachments: false,
  textPart: null,
  ...fields,
});

describe('boundedSummary', () => {
  it('cuts a one-megabyte subject to what fits an index entry', () => {
    const cut = boundedSummary(summary({ subject: `超长主题${'长'.repeat(1_000_000)}` })).subject;
    expect(Array.from(cut)).toHaveLength(MAX_SUBJECT_CHARS);
    expect(Buffer.byteLength(cut)).toBeLessThan(2_700);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('drops ids too long to be a Message-ID and keeps the others', () => {
    const long = `<${'x'.repeat(600)}@x>`;
    const bounded = boundedSummary(
      summary({ messageId: long, inReplyTo: long, references: ['<p@x>', long] }),
    );
    expect([bounded.messageId, bounded.inReplyTo, bounded.references]).toEqual([
      null,
      null,
      ['<p@x>'],
    ]);
  });

  it('leaves ordinary text alone and never splits a four-byte character', () => {
    expect(cutText('吉𠮷', 2)).toBe('吉𠮷');
    expect(cutText('吉𠮷吉', 2)).toBe('吉…');
  });
});
