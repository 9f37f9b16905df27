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
