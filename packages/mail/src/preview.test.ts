import iconv from 'iconv-lite';
import type { MessageStructureObject } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { previewText } from './preview';
import { textPartOf } from './text-part';

const leaf = (
  type: string,
  part: string | undefined,
  extra: Partial<MessageStructureObject> = {},
) =>
  ({
    type,
    part,
    encoding: '7bit',
    parameters: { charset: 'utf-8' },
    ...extra,
  }) as MessageStructureObject;

describe('text part', () => {
  it('reads a single-part message as section 1', () => {
    expect(textPartOf(leaf('text/plain', undefined))?.section).toBe('1');
  });

  it('prefers text/plain over text/html inside multipart/alternative', () => {
    const structure = {
      type: 'multipart/mixed',
      childNodes: [
        {
          type: 'multipart/alternative',
          part: '1',
          childNodes: [leaf('text/html', '1.1'), leaf('text/plain', '1.2')],
        },
        leaf('application/pdf', '2', { disposition: 'attachment' }),
      ],
    } as MessageStructureObject;
    expect(textPartOf(structure)).toMatchObject({ section: '1.2', html: false });
  });

  it('falls back to the HTML part and skips text attachments', () => {
    const structure = {
      type: 'multipart/mixed',
      childNodes: [leaf('text/plain', '1', { disposition: 'attachment' }), leaf('text/html', '2')],
    } as MessageStructureObject;
    expect(textPartOf(structure)).toMatchObject({ section: '2', html: true });
  });

  it('has no preview for a message without text', () => {
    expect(textPartOf(leaf('image/png', undefined))).toBeNull();
  });
});

describe('preview text', () => {
  const part = { section: '1', encoding: '7bit', charset: 'utf-8', html: false };

  it('decodes a base64 prefix cut inside a quantum', () => {
    const base64 = Buffer.from('明天下午三点开会，请准时参加。').toString('base64');
    const cut = Buffer.from(base64.slice(0, 30), 'latin1');
    const text = previewText(cut, { ...part, encoding: 'base64' });
    expect(text.startsWith('明天下午三点')).toBe(true);
    expect(text).not.toContain('\uFFFD');
  });

  it('decodes GBK labelled gb2312 and drops a character cut in half', () => {
    const gbk = iconv.encode('季度报告已发送', 'gbk');
    expect(previewText(gbk.subarray(0, 13), { ...part, charset: 'gb2312' })).toBe('季度报告已发');
  });

  it('decodes quoted-printable with a soft line break and an escape cut at the end', () => {
    const qp = Buffer.from('Caf=C3=A9 au =\r\nlait =E4=BD=A0=E5=A5=BD =E4', 'latin1');
    expect(previewText(qp, { ...part, encoding: 'quoted-printable' })).toBe('Café au lait 你好');
  });

  it('reads the text of an HTML prefix, not its markup, styles or a cut tag', () => {
    const html = Buffer.from(
      '<html><head><style>p{color:red}</style></head><body><p>Hello</p><p>there</p><a hre',
    );
    expect(previewText(html, { ...part, html: true })).toBe('Hello there');
  });
});
