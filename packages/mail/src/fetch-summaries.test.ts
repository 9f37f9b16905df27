import iconv from 'iconv-lite';
import type { FetchMessageObject } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { summaryFromFetch } from './fetch-summaries';

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
      {
        type: 'application/pdf',
        part: '2',
        disposition: 'attachment',
        dispositionParameters: { filename: '季度报告.pdf' },
      },
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
      attachmentNames: ['季度报告.pdf'],
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

describe('summaryFromFetch reads the raw header fields, not what ENVELOPE lost', () => {
  const withHeaders = (raw: Buffer, envelope: FetchMessageObject['envelope'] = {}) =>
    summaryFromFetch({ seq: 3, uid: 9, envelope, headers: raw });

  it('decodes raw GBK header bytes that the server turned into U+FFFD', () => {
    const raw = Buffer.concat([
      Buffer.from('Subject: '),
      iconv.encode('周报', 'gbk'),
      Buffer.from('\r\nFrom: "'),
      iconv.encode('张伟', 'gbk'),
      Buffer.from('" <zhang@qq.test>\r\nTo: =?utf-8?B?5p2O?= <li@qq.test>, x@qq.test\r\n\r\n'),
    ]);
    const summary = withHeaders(raw, { subject: '\uFFFD\uFFFD', from: [{ name: '\uFFFD' }] });
    expect(summary.subject).toBe('周报');
    expect(summary.from).toEqual({ name: '张伟', address: 'zhang@qq.test' });
    expect(summary.to).toEqual([
      { name: '李', address: 'li@qq.test' },
      { name: '', address: 'x@qq.test' },
    ]);
    expect(summary.cc).toEqual([]);
  });

  it('reads raw Latin-1 bytes with the charset the message declares', () => {
    const raw = Buffer.concat([
      Buffer.from('Subject: '),
      iconv.encode('Réunion à Genève', 'latin1'),
      Buffer.from('\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n'),
    ]);
    expect(withHeaders(raw).subject).toBe('Réunion à Genève');
  });

  it('keeps ":" and "," of an encoded display name, and gives a group its members', () => {
    const raw = Buffer.from(
      'From: =?utf-8?Q?Email:_=E8=B4=A2=E5=8A=A1?= <f@corp.test>\r\n' +
        'To: "Wang, Fang" <w@corp.test>\r\n' +
        'Cc: =?UTF-8?B?6aG555uu57uE?=: a@corp.test, b@corp.test;\r\n\r\n',
    );
    const summary = withHeaders(raw);
    expect(summary.from).toEqual({ name: 'Email: 财务', address: 'f@corp.test' });
    expect(summary.to).toEqual([{ name: 'Wang, Fang', address: 'w@corp.test' }]);
    expect(summary.cc.map((a) => a.address)).toEqual(['a@corp.test', 'b@corp.test']);
  });

  it("never shows a server's MISSING_DOMAIN placeholder", () => {
    const summary = withHeaders(Buffer.from('Subject: x\r\n\r\n'), {
      from: [{ name: '管理员', address: 'postmaster@MISSING_DOMAIN' }],
    });
    expect(summary.from).toEqual({ name: '管理员', address: '' });
  });

  it('normalises relay-encoded, commented and bracketless In-Reply-To to message ids', () => {
    const encoded = withHeaders(
      Buffer.from(
        'In-Reply-To: =?utf-8?q?=3Ccover=2E1=40exa?=\r\n =?utf-8?q?mple=2Etest=3E?=\r\n\r\n',
      ),
    );
    expect(encoded.inReplyTo).toBe('<cover.1@example.test>');
    const commented = withHeaders(
      Buffer.from('In-Reply-To: <a@x.test> (message from Li on Mon, 3 Jun\r\n 2024)\r\n\r\n'),
    );
    expect(commented.inReplyTo).toBe('<a@x.test>');
    expect(withHeaders(Buffer.from('In-Reply-To: a@x.test\r\n\r\n')).inReplyTo).toBe('<a@x.test>');
  });
});
