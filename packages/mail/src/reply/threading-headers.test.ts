import { describe, expect, it } from 'vitest';
import { forwardThreadingHeaders, replyThreadingHeaders } from './threading-headers';

describe('In-Reply-To and References (RFC 5322 §3.6.4)', () => {
  it("a reply names the parent's Message-ID in In-Reply-To and after its References", () => {
    expect(
      replyThreadingHeaders({
        messageId: '<c@qq.test>',
        inReplyTo: '<b@qq.test>',
        references: ['<a@qq.test>', '<b@qq.test>'],
      }),
    ).toEqual({
      inReplyTo: '<c@qq.test>',
      references: ['<a@qq.test>', '<b@qq.test>', '<c@qq.test>'],
    });
  });

  it("uses the parent's In-Reply-To when it has no References", () => {
    expect(
      replyThreadingHeaders({ messageId: '<c@qq.test>', inReplyTo: '<b@qq.test>', references: [] }),
    ).toEqual({ inReplyTo: '<c@qq.test>', references: ['<b@qq.test>', '<c@qq.test>'] });
  });

  it('ignores an In-Reply-To naming several messages (the RFC leaves it ambiguous)', () => {
    expect(
      replyThreadingHeaders({
        messageId: '<c@qq.test>',
        inReplyTo: '<a@qq.test> <b@qq.test>',
        references: [],
      }),
    ).toEqual({ inReplyTo: '<c@qq.test>', references: ['<c@qq.test>'] });
  });

  it('a first reply references only the parent', () => {
    expect(
      replyThreadingHeaders({ messageId: '<a@qq.test>', inReplyTo: null, references: [] }),
    ).toEqual({ inReplyTo: '<a@qq.test>', references: ['<a@qq.test>'] });
  });

  it('a parent without a Message-ID gives no In-Reply-To, and keeps its References', () => {
    expect(replyThreadingHeaders({ messageId: null, inReplyTo: null, references: [] })).toEqual({});
    expect(
      replyThreadingHeaders({ messageId: 'not-an-id', inReplyTo: null, references: ['<a@x>'] }),
    ).toEqual({ references: ['<a@x>'] });
  });

  it('does not repeat an id the parent already references', () => {
    expect(
      replyThreadingHeaders({ messageId: '<a@x>', inReplyTo: null, references: ['<a@x>'] }),
    ).toEqual({ inReplyTo: '<a@x>', references: ['<a@x>'] });
  });

  it('a forward references the original but answers nothing', () => {
    expect(
      forwardThreadingHeaders({ messageId: '<b@x>', inReplyTo: '<a@x>', references: ['<a@x>'] }),
    ).toEqual({ references: ['<a@x>', '<b@x>'] });
  });
});
