/**
 * Every shape of message compose builds, read back by two parsers that share no code with
 * nodemailer (mailparser, postal-mime): headers, multipart structure, charsets, the
 * names of Chinese files in both header forms, and bytes streamed in intact.
 */
import { Readable } from 'node:stream';
import { simpleParser } from 'mailparser';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { buildRawMessage } from '../compose';
import type { OutgoingMessage } from '../types';
import { sanitizeOutgoingHtml } from './html';
import { htmlToPlainText } from './plain-text';

const html = sanitizeOutgoingHtml(
  '<p>你好 <strong>Bob</strong>，见附件。</p><ul><li><p>预算</p></li></ul><p><img src="cid:chart-1@youjian" alt="chart.png"></p><script>alert(1)</script>',
);
const base: OutgoingMessage = {
  from: { name: '爱丽丝', address: 'alice@qq.test' },
  to: [{ name: '鲍勃', address: 'bob@163.test' }],
  cc: [],
  subject: '季度报告',
  text: htmlToPlainText(html),
  html,
  messageId: '<build-parse@qq.test>',
};
const pdf = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) % 256));
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const longName = `${'二〇二六年第三季度华东区销售数据汇总与分析'.repeat(5)}.xlsx`;

async function built(message: OutgoingMessage): Promise<Buffer> {
  return buildRawMessage(message);
}

/** the MIME tree as "type(children)" from the raw text's Content-Type lines, in order */
function contentTypes(raw: string): string[] {
  return [...raw.matchAll(/^Content-Type: ([\w/.+-]+)/gim)].map((m) => String(m[1]).toLowerCase());
}

describe('a compose mail read by independent parsers', () => {
  it('is multipart/alternative of UTF-8 text and HTML, the pasted image related to the HTML', async () => {
    const raw = await built({
      ...base,
      attachments: [
        {
          filename: 'chart.png',
          contentType: 'image/png',
          content: png,
          contentId: 'chart-1@youjian',
        },
      ],
    });
    const text = raw.toString();
    expect(contentTypes(text)).toEqual([
      'multipart/alternative',
      'text/plain',
      'multipart/related',
      'text/html',
      'image/png',
    ]);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('季度报告');
    expect(parsed.from?.value[0]).toEqual({ name: '爱丽丝', address: 'alice@qq.test' });
    expect(parsed.text?.trim()).toBe('你好 Bob，见附件。\n\n- 预算\n\n[image: chart.png]');
    expect(parsed.html).toContain('<strong>Bob</strong>');
    expect(parsed.html).not.toContain('script');
    const image = parsed.attachments[0];
    expect(image?.contentId).toBe('<chart-1@youjian>');
    expect(image?.contentDisposition).toBe('inline');
    expect(Buffer.compare(image?.content ?? Buffer.alloc(0), png)).toBe(0);

    const postal = await PostalMime.parse(raw);
    expect(postal.text?.trim()).toBe(parsed.text?.trim());
    expect(postal.attachments[0]?.related).toBe(true);
    // RFC 5322 §2.2: nothing but US-ASCII in the headers; charsets declared UTF-8
    const head = text.slice(0, text.indexOf('\r\n\r\n'));
    expect([...head].every((char) => char.charCodeAt(0) < 0x80)).toBe(true);
    expect(text.match(/^Content-Type: text\/(plain|html); charset=utf-8/gim)).toHaveLength(2);
  });

  it('names Chinese files in RFC 2047 and RFC 2231 forms that both parsers read', async () => {
    const raw = await built({
      ...base,
      attachments: [
        { filename: '季度报告.pdf', contentType: 'application/pdf', content: Readable.from([pdf]) },
        { filename: longName, contentType: 'application/octet-stream', content: Buffer.from('x') },
      ],
    });
    const text = raw.toString();
    expect(contentTypes(text)).toEqual([
      'multipart/mixed',
      'multipart/alternative',
      'text/plain',
      'text/html',
      'application/pdf',
      'application/octet-stream',
    ]);
    const disposition = text.slice(text.indexOf('Content-Type: application/pdf'));
    // QQ, 163 and Outlook read the encoded word; RFC 6266 readers the extended form
    expect(disposition).toMatch(/filename="=\?UTF-8\?B\?5a2j5bqm5oql5ZGKLnBkZg==\?="/);
    expect(disposition).toContain("filename*=UTF-8''%E5%AD%A3%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf");
    expect(disposition).toMatch(/name="=\?UTF-8\?B\?/);
    for (const line of text.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);

    const parsed = await simpleParser(raw);
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['季度报告.pdf', longName]);
    expect(Buffer.compare(parsed.attachments[0]?.content ?? Buffer.alloc(0), pdf)).toBe(0);
    const postal = await PostalMime.parse(raw);
    expect(postal.attachments.map((a) => a.filename)).toEqual(['季度报告.pdf', longName]);
    expect(postal.attachments[0]?.disposition).toBe('attachment');
  });

  it('keeps a plain-text mail (no HTML) one text/plain part', async () => {
    const raw = await built({ ...base, html: undefined, text: '纯文本\n第二行' });
    expect(contentTypes(raw.toString())).toEqual(['text/plain']);
    expect((await PostalMime.parse(raw)).text?.trim()).toBe('纯文本\n第二行');
  });
});
