import iconv from 'iconv-lite';
import type { FetchMessageObject } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { repairSummary, summaryFromFetch } from './fetch-summaries';

const fetched: FetchMessageObject = {
  seq: 1,
  uid: 42,
  flags: new Set(['\\Seen', '\\Recent', '$Forwarded']),
  envelope: {
    date: new Date('2025-03-04T02:00:00Z'),
    subject: 'Re: 周报',
    from: [{ name: '张伟', address: 'zhang@qq.test' }],
    to: [{ name: '', address: 'li@qq.test' }],
    cc: [],
    messageId: '<b@qq.test>',
    inReplyTo: '<a@qq.test>',
  },
  internalDate: new Date('2025-03-04T02:00:05Z'),
  size: 1234,
  bodyStructure: {
    type: 'multipart/mixed',
    childNodes: [
      { type: 'text/plain', part: '1', encoding: 'base64', parameters: { charset: 'gbk' } },
      { type: 'application/pdf', part: '2', disposition: 'attachment' },
    ],
  },
  headers: Buffer.from('References: <root@qq.test>\r\n <a@qq.test>\r\n\r\n'),
};

describe('summaryFromFetch', () => {
  it('maps a FETCH answer to the mirror summary without \\Recent', () => {
    expect(summaryFromFetch(fetched)).toEqual({
      uid: 42,
      flags: ['\\Seen', '$Forwarded'],
      messageId: '<b@qq.test>',
      inReplyTo: '<a@qq.test>',
      references: ['<root@qq.test>', '<a@qq.test>'],
      subject: 'Re: 周报',
      from: { name: '张伟', address: 'zhang@qq.test' },
      to: [{ name: '', address: 'li@qq.test' }],
      cc: [],
      sentAt: new Date('2025-03-04T02:00:00Z'),
      receivedAt: new Date('2025-03-04T02:00:05Z'),
      size: 1234,
      hasAttachments: true,
      textPart: { section: '1', encoding: 'base64', charset: 'gbk', html: false },
    });
  });

  it('tolerates a message without envelope fields', () => {
    const summary = summaryFromFetch({ seq: 2, uid: 7 });
    expect(summary).toMatchObject({
      uid: 7,
      subject: '',
      from: null,
      to: [],
      sentAt: null,
      references: [],
    });
  });
});

describe('repairSummary', () => {
  it('replaces U+FFFD text with what the raw GBK header bytes say', () => {
    const broken = {
      ...summaryFromFetch(fetched),
      subject: '\uFFFD\uFFFD',
      from: { name: '\uFFFD', address: 'zhang@qq.test' },
    };
    const raw = Buffer.concat([
      Buffer.from('Subject: '),
      iconv.encode('周报', 'gbk'),
      Buffer.from('\r\nFrom: "'),
      iconv.encode('张伟', 'gbk'),
      Buffer.from('" <zhang@qq.test>\r\nTo: =?utf-8?B?5p2O?= <li@qq.test>, x@qq.test\r\n\r\n'),
    ]);
    const repaired = repairSummary(broken, raw);
    expect(repaired.subject).toBe('周报');
    expect(repaired.from).toEqual({ name: '张伟', address: 'zhang@qq.test' });
    expect(repaired.to).toEqual([
      { name: '李', address: 'li@qq.test' },
      { name: '', address: 'x@qq.test' },
    ]);
    expect(repaired.cc).toEqual([]);
  });
});
