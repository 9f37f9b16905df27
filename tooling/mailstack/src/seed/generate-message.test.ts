import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { generateMessage, seedMessageId } from './generate-message';

const OPTIONS = { seed: 42, to: 'alice@qq.test', count: 200 };
const messages = Array.from({ length: OPTIONS.count }, (_, index) =>
  generateMessage(index, OPTIONS),
);

describe('generateMessage', () => {
  it('is deterministic: the same seed and index give the same bytes', () => {
    const again = generateMessage(17, OPTIONS);
    expect(again.raw.equals(messages[17]?.raw ?? Buffer.alloc(0))).toBe(true);
    expect(generateMessage(17, { ...OPTIONS, seed: 43 }).raw.equals(again.raw)).toBe(false);
  });

  it('dates the mailbox oldest first, ending in the past', () => {
    const times = messages.map((message) => message.date.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.at(-1)).toBeLessThan(Date.parse('2025-11-26T00:00:00Z'));
  });

  it('mixes kinds, charsets and flags like a real mailbox', () => {
    const kinds = new Set(messages.map((message) => message.kind));
    expect([...kinds].sort()).toEqual([
      'attachment',
      'hostile-html',
      'html',
      'inline-image',
      'plain',
    ]);
    const charsets = new Set(messages.map((message) => message.charset));
    expect([...charsets].sort()).toEqual(['GB18030', 'GB2312', 'GBK', 'UTF-8', 'us-ascii']);
    const seen = messages.filter((message) => message.flags.includes('\\Seen')).length;
    const flagged = messages.filter((message) => message.flags.includes('\\Flagged')).length;
    expect(seen).toBeGreaterThan(80);
    expect(seen).toBeLessThan(180);
    expect(flagged).toBeGreaterThan(0);
  });

  it('produces messages whose subjects and senders decode back to the Chinese text', async () => {
    for (const message of messages.filter((m) => m.language === 'zh').slice(0, 40)) {
      const parsed = await PostalMime.parse(message.raw);
      // raw 8-bit GBK subjects are deliberately non-standard; everything else must decode
      if (
        /[\x80-\xff]/.test(
          message.raw.subarray(0, message.raw.indexOf('\r\n\r\n')).toString('latin1'),
        )
      )
        continue;
      expect(parsed.subject).toBe(message.subject);
      expect(parsed.from?.name).toMatch(/[\u4e00-\u9fff]/);
      expect(parsed.text ?? '').toMatch(/[\u4e00-\u9fff]{4}/);
    }
  });

  it('labels GBK-only characters as gb2312, as Chinese mail does', async () => {
    // 喆 / 堃 / 镕 are not in GB2312: only a GBK-aware decoder gets these names back
    const names: string[] = [];
    for (const message of messages.filter((m) => m.charset === 'GB2312')) {
      const parsed = await PostalMime.parse(message.raw);
      if (message.raw.includes('From: =?GB2312?')) names.push(parsed.from?.name ?? '');
    }
    expect(names.some((name) => /[喆堃镕]/.test(name))).toBe(true);
  });

  it('names attachments in Chinese with RFC 2231 and RFC 2047 parameters', async () => {
    const withAttachment = messages.find((message) => message.kind === 'attachment');
    expect(withAttachment).toBeDefined();
    const raw = withAttachment?.raw ?? Buffer.alloc(0);
    expect(raw.toString('latin1')).toMatch(/filename\*=(UTF-8|GBK)''%/);
    const parsed = await PostalMime.parse(raw);
    expect(parsed.attachments.length).toBeGreaterThan(0);
    for (const attachment of parsed.attachments) {
      expect(attachment.filename).toMatch(/\.(pdf|docx|xlsx|txt|jpg)$/);
    }
  });

  it('threads replies with In-Reply-To and References to the earlier messages', async () => {
    const reply = messages.findIndex((message, index) =>
      message.raw.includes(`In-Reply-To: ${seedMessageId(OPTIONS.seed, index - 1)}`),
    );
    expect(reply).toBeGreaterThan(0);
    const parsed = await PostalMime.parse(messages[reply]?.raw ?? Buffer.alloc(0));
    expect(parsed.inReplyTo).toBe(seedMessageId(OPTIONS.seed, reply - 1));
    expect(parsed.references).toContain(seedMessageId(OPTIONS.seed, reply - 1));
    expect(parsed.subject).toMatch(/^(Re: |回复：)/);
  });

  it('includes HTML with remote images and a hostile script for the sanitizer', async () => {
    const hostile = messages.find((message) => message.kind === 'hostile-html');
    const parsed = await PostalMime.parse(hostile?.raw ?? Buffer.alloc(0));
    expect(parsed.html).toContain('<script>');
    expect(parsed.html).toContain('onerror=');
    expect(parsed.html).toMatch(/<img src="https:\/\/images\.example\.com\//);
  });
});
