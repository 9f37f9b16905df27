import { describe, expect, it } from 'vitest';
import { buildRawMessage } from './compose';

describe('buildRawMessage', () => {
  it('writes an RFC 2047 subject, the given Message-ID and threading headers', async () => {
    const raw = (
      await buildRawMessage({
        from: { name: 'Alice', address: 'alice@qq.test' },
        to: [{ name: '鲍勃', address: 'bob@163.test' }],
        cc: [{ name: '', address: 'carol@qq.test' }],
        subject: '你好 world',
        text: 'hello',
        messageId: '<abc@youjian.test>',
        inReplyTo: '<parent@qq.test>',
        references: ['<root@qq.test>', '<parent@qq.test>'],
      })
    ).toString();
    const headers = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(headers).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    expect(headers).toContain('Message-ID: <abc@youjian.test>');
    expect(headers).toContain('In-Reply-To: <parent@qq.test>');
    expect(headers).toContain('References: <root@qq.test> <parent@qq.test>');
    expect(headers).toContain('Cc: carol@qq.test');
    expect(headers).toMatch(/^To: =\?UTF-8\?[BQ]\?.*\?= <bob@163\.test>$/m);
    expect(headers).toMatch(/charset=utf-8/i);
    // RFC 5322 §2.2: header fields are US-ASCII; non-ASCII goes into encoded words.
    expect([...headers].every((char) => char.charCodeAt(0) < 0x80)).toBe(true);
  });
});

describe('buildRawMessage with attachments', () => {
  const base = {
    from: { name: '鲍勃', address: 'bob@163.test' },
    to: [{ name: '', address: 'alice@qq.test' }],
    cc: [],
    subject: 'Fwd: 季度报告',
    text: 'see below',
    messageId: '<fwd@163.test>',
  };

  it('offers a forwarded message as a message/rfc822 file, its bytes unencoded', async () => {
    const original = 'Subject: hi\r\nMessage-ID: <o@qq.test>\r\n\r\nhello\r\n';
    const raw = (
      await buildRawMessage({
        ...base,
        attachments: [
          {
            filename: '季度报告.eml',
            contentType: 'message/rfc822',
            content: new TextEncoder().encode(original),
          },
        ],
      })
    ).toString();
    expect(raw).toMatch(/^Content-Type: multipart\/mixed/m);
    const part = raw.slice(raw.indexOf('Content-Type: message/rfc822'));
    expect(part).toMatch(/^Content-Disposition: attachment/m);
    expect(part).toMatch(/^Content-Transfer-Encoding: 7bit/m);
    expect(part).toContain(original);
  });

  it('carries file attachments base64-encoded', async () => {
    const raw = (
      await buildRawMessage({
        ...base,
        attachments: [
          {
            filename: 'a.bin',
            contentType: 'application/octet-stream',
            content: new Uint8Array([0, 1, 2, 255]),
          },
        ],
      })
    ).toString();
    expect(raw).toMatch(/^Content-Disposition: attachment; filename=a\.bin/m);
    expect(raw).toContain('AAEC/w==');
  });
});
