import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildRawMessage } from './compose';
import { MailError } from './errors';
import { parseMessage } from './parse-message';

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'));

describe('parseMessage', () => {
  it('decodes a body labelled gb2312 that holds GB18030-only characters', async () => {
    const body = iconv.encode('你好，𠀀 和 昇', 'gb18030');
    const raw = Buffer.concat([
      crlf([
        'From: =?gb2312?B?1cXI/Q==?= <zhang@163.test>',
        'To: bob@163.test',
        `Subject: =?gb2312?B?${iconv.encode('会议通知', 'gbk').toString('base64')}?=`,
        'Content-Type: text/plain; charset=gb2312',
        'Content-Transfer-Encoding: 8bit',
        '',
        '',
      ]),
      body,
    ]);
    const parsed = await parseMessage(raw);
    expect(parsed.subject).toBe('会议通知');
    expect(parsed.from).toEqual({ name: '张三', address: 'zhang@163.test' });
    expect(parsed.text?.trim()).toBe('你好，𠀀 和 昇');
  });

  it('reads raw 8-bit GBK headers', async () => {
    const raw = Buffer.concat([
      Buffer.from('From: "'),
      iconv.encode('李四', 'gbk'),
      Buffer.from('" <li@qq.test>\r\nSubject: '),
      iconv.encode('周报', 'gbk'),
      Buffer.from('\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nok\r\n'),
    ]);
    const parsed = await parseMessage(raw);
    expect(parsed.subject).toBe('周报');
    expect(parsed.from).toEqual({ name: '李四', address: 'li@qq.test' });
  });

  it('names attachments from RFC 2231 Chinese filenames', async () => {
    const encoded = [...iconv.encode('报告.pdf', 'gbk')]
      .map((byte) => `%${byte.toString(16).toUpperCase()}`)
      .join('');
    const utf8 = [...Buffer.from('合同.docx')]
      .map((byte) => `%${byte.toString(16).toUpperCase()}`)
      .join('');
    const raw = crlf([
      'From: a@qq.test',
      'Subject: files',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'see attached',
      '--b1',
      'Content-Type: application/pdf',
      `Content-Disposition: attachment; filename*=gb2312''${encoded}`,
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('%PDF-1.4').toString('base64'),
      '--b1',
      'Content-Type: application/octet-stream',
      'Content-Disposition: attachment;',
      ` filename*0*=utf-8''${utf8.slice(0, 18)};`,
      ` filename*1*=${utf8.slice(18)}`,
      '',
      'x',
      '--b1--',
      '',
    ]);
    const parsed = await parseMessage(raw);
    expect(parsed.attachments.map((attachment) => attachment.filename)).toEqual([
      '报告.pdf',
      '合同.docx',
    ]);
    expect(parsed.attachments[0]?.size).toBe(8);
    expect(Buffer.from(parsed.attachments[0]?.content ?? []).toString()).toBe('%PDF-1.4');
  });

  it('returns what it can from malformed MIME instead of throwing', async () => {
    const raw = crlf([
      'Subject: broken',
      'Content-Type: multipart/mixed; boundary="never-closed"',
      '',
      '--never-closed',
      'Content-Type: text/plain',
      '',
      'partial text',
    ]);
    const parsed = await parseMessage(raw);
    expect(parsed.subject).toBe('broken');
    expect(parsed.text).toContain('partial text');
  });

  it('survives binary garbage', async () => {
    const garbage = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256));
    const parsed = await parseMessage(garbage);
    expect(parsed).toHaveProperty('attachments');
  });

  it('reports MALFORMED_MESSAGE only when there is nothing at all', async () => {
    await expect(parseMessage(Buffer.alloc(0))).rejects.toSatisfy(
      (error) => error instanceof MailError && error.code === 'MALFORMED_MESSAGE',
    );
  });

  it('reads back what buildRawMessage composed', async () => {
    const raw = await buildRawMessage({
      from: { name: '爱丽丝', address: 'alice@qq.test' },
      to: [{ name: '', address: 'bob@163.test' }],
      cc: [],
      subject: '测试邮件 — 第一封',
      text: '正文第一行\n第二行',
      messageId: '<m1@youjian.test>',
      inReplyTo: '<m0@youjian.test>',
      references: ['<r1@youjian.test>', '<m0@youjian.test>'],
    });
    const parsed = await parseMessage(raw);
    expect(parsed.subject).toBe('测试邮件 — 第一封');
    expect(parsed.from).toEqual({ name: '爱丽丝', address: 'alice@qq.test' });
    expect(parsed.messageId).toBe('<m1@youjian.test>');
    expect(parsed.inReplyTo).toBe('<m0@youjian.test>');
    expect(parsed.references).toEqual(['<r1@youjian.test>', '<m0@youjian.test>']);
    expect(parsed.text?.trim()).toBe('正文第一行\n第二行');
  });
});

describe('parseMessage: attached messages and parts parsers disagree on', () => {
  const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'));
  it('lists a forwarded message/rfc822 without a filename as "<its subject>.eml", never its text', async () => {
    const parsed = await parseMessage(
      crlf([
        'Subject: FW: bill',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: message/rfc822',
        '',
        'Subject: =?UTF-8?B?6L+Q6LS55Y2V?=',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'inner text',
        '--b--',
      ]),
    );
    expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['运费单.eml', 'message/rfc822'],
    ]);
    expect(parsed.text ?? '').not.toContain('inner text');
  });

  it('reads Content-Type: text without a subtype as text/plain (RFC 2045 §5.2)', async () => {
    const parsed = await parseMessage(
      crlf(['Subject: x', 'Content-Type: text; charset=utf-8', '', '旧系统下线。']),
    );
    expect(parsed.text?.trim()).toBe('旧系统下线。');
  });

  it('shows the raw body, marked malformed, of a multipart whose boundary never occurs', async () => {
    const parsed = await parseMessage(
      crlf([
        'Subject: x',
        'Content-Type: multipart/mixed; boundary="declared"',
        '',
        '--used',
        'Content-Type: text/plain; charset=utf-8',
        '',
        '边界写错了。',
        '--used--',
      ]),
    );
    expect(parsed.malformed).toBe(true);
    expect(parsed.text).toContain('边界写错了。');
  });

  it('marks a message cut off inside its header as malformed', async () => {
    const parsed = await parseMessage(Buffer.from('From: a@x.test\r\nSubject: Cut off in the hea'));
    expect(parsed.malformed).toBe(true);
  });

  it('does not mark a well-formed message', async () => {
    const parsed = await parseMessage(crlf(['Subject: x', '', 'Hello.']));
    expect(parsed.malformed).toBeUndefined();
  });
});

describe('parseMessage: file names in encoded words', () => {
  it('joins GBK words split inside a character, the first one padded', async () => {
    const bytes = iconv.encode('市场部预算说明（终版）.pdf', 'gbk');
    const word = (part: Buffer) => `=?gbk?B?${part.toString('base64')}?=`;
    const parsed = await parseMessage(
      crlf([
        'From: a@x.test',
        'Content-Type: multipart/mixed; boundary="x"',
        '',
        '--x',
        'Content-Type: application/pdf',
        `Content-Disposition: attachment; filename="${word(bytes.subarray(0, 7))} ${word(bytes.subarray(7))}"`,
        'Content-Transfer-Encoding: base64',
        '',
        'AAAA',
        '--x--',
      ]),
    );
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['市场部预算说明（终版）.pdf']);
  });
});
