import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  decideBodyCharset,
  decodeBodyText,
  decodeBytes,
  decodeRawHeader,
  normalizeCharset,
  relabelGbCharsets,
} from './charset';
import { decodeEncodedWords, parseMessageIds, readRawHeaders } from './header-decode';

// 你好 in GBK; 𠀀 needs GB18030's four-byte form (0x95 0x32 0x82 0x36); 昇 is GBK, not GB2312.
const GBK_NIHAO = Buffer.from([0xc4, 0xe3, 0xba, 0xc3]);
const GB18030_ONLY = Buffer.from([0x95, 0x32, 0x82, 0x36]);

describe('charset', () => {
  it.each(['gb2312', 'GBK', 'x-gbk', 'GB_2312-80', 'cp936'])('decodes %s as GB18030', (label) => {
    expect(normalizeCharset(label)).toBe('gb18030');
  });

  it('decodes GB18030 four-byte sequences in text labelled gb2312', () => {
    expect(decodeBytes(Buffer.concat([GBK_NIHAO, GB18030_ONLY]), 'gb2312')).toBe('你好𠀀');
  });

  it('decodes GBK-only characters in text labelled gb2312', () => {
    expect(decodeBytes(Buffer.from([0x95, 0x4e]), 'gb2312')).toBe('昇');
  });

  it('falls back to UTF-8 for an unknown label', () => {
    expect(decodeBytes(Buffer.from('héllo'), 'x-unknown')).toBe('héllo');
  });

  it('reads raw 8-bit header bytes as UTF-8 when valid, else as GB18030', () => {
    expect(decodeRawHeader(Buffer.from('会议纪要'))).toBe('会议纪要');
    expect(decodeRawHeader(iconv.encode('会议纪要', 'gbk'))).toBe('会议纪要');
  });

  it('relabels gb2312 and gbk in MIME headers, encoded words and RFC 2231 parameters', () => {
    const raw = Buffer.from(
      'Subject: =?GB2312?B?xOO6ww==?=\r\nContent-Type: text/plain; charset="gbk"\r\n' +
        "Content-Disposition: attachment; filename*=gb2312''%C4%E3\r\n\r\nbody",
    );
    expect(relabelGbCharsets(raw).toString()).toBe(
      'Subject: =?gb18030?B?xOO6ww==?=\r\nContent-Type: text/plain; charset="gb18030"\r\n' +
        "Content-Disposition: attachment; filename*=gb18030''%C4%E3\r\n\r\nbody",
    );
  });
});

describe('decodeEncodedWords', () => {
  it('decodes a base64 gb2312 word that holds GB18030', () => {
    const word = `=?gb2312?B?${Buffer.concat([GBK_NIHAO, GB18030_ONLY]).toString('base64')}?=`;
    expect(decodeEncodedWords(word)).toBe('你好𠀀');
  });

  it('decodes Q-encoding with underscores as spaces', () => {
    expect(decodeEncodedWords('=?utf-8?Q?caf=C3=A9_au_lait?=')).toBe('café au lait');
  });

  it('joins adjacent words that split one GBK character (RFC 2047 §6.2)', () => {
    const bytes = iconv.encode('季度报告', 'gbk');
    const first = bytes.subarray(0, 3).toString('base64');
    const second = bytes.subarray(3).toString('base64');
    expect(decodeEncodedWords(`=?GBK?B?${first}?= \r\n =?GBK?B?${second}?=`)).toBe('季度报告');
  });

  it('keeps plain text around encoded words', () => {
    expect(decodeEncodedWords('Re: =?utf-8?B?5L2g5aW9?= (2)')).toBe('Re: 你好 (2)');
  });

  it("reads raw 8-bit text inside a Q word in the word's charset", () => {
    // readRawHeaders has decoded the raw bytes already; they join the word's other bytes
    expect(decodeEncodedWords('=?UTF-8?Q?季度总结_2024?=')).toBe('季度总结 2024');
    expect(decodeEncodedWords('=?gbk?Q?=C4=E3好?=')).toBe('你好');
  });
});

describe('readRawHeaders', () => {
  it('unfolds headers and decodes raw GBK bytes', () => {
    const raw = Buffer.concat([
      Buffer.from('Subject: '),
      iconv.encode('项目进度', 'gbk'),
      Buffer.from('\r\nReferences: <a@x>\r\n <b@x>\r\n\r\nbody: ignored'),
    ]);
    const headers = readRawHeaders(raw);
    expect(headers.get('subject')).toEqual(['项目进度']);
    expect(parseMessageIds(headers.get('references')?.[0])).toEqual(['<a@x>', '<b@x>']);
    expect(headers.has('body')).toBe(false);
  });
});

describe('the charset a text part is read with (decideBodyCharset)', () => {
  const utf8 = Buffer.from('订单已发货');
  it('reads 8-bit bytes under a us-ascii label as UTF-8 when they are UTF-8 (RFC 2046 §4.1.2)', () => {
    expect(decodeBodyText(utf8, 'us-ascii')).toBe('订单已发货');
  });
  it('follows an HTML <meta> when the MIME label is missing', () => {
    const html = Buffer.concat([
      Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>'),
      iconv.encode('本周新闻', 'gbk'),
    ]);
    expect(decideBodyCharset(html, undefined, { html: true })).toBe('gb2312');
    expect(decodeBodyText(html, '', { html: true })).toContain('本周新闻');
  });
  it('believes a UTF-8 reading over an iso-8859-1 label, and Latin-1 text stays Latin-1', () => {
    expect(decodeBodyText(utf8, 'iso-8859-1')).toBe('订单已发货');
    expect(decodeBodyText(iconv.encode('à Genève', 'latin1'), 'iso-8859-1')).toBe('à Genève');
  });
  it('reads unlabelled non-UTF-8 bytes with a charset the message declares, else GB18030', () => {
    expect(decodeBodyText(iconv.encode('Genève', 'latin1'), '', { declared: ['iso-8859-1'] })).toBe(
      'Genève',
    );
    expect(decodeBodyText(iconv.encode('工资条', 'gbk'), undefined)).toBe('工资条');
  });
  it('decodes ISO-2022-JP and UTF-7', () => {
    expect(decodeBodyText(Buffer.from('\x1b$B$3$s\x1b(B', 'latin1'), 'iso-2022-jp')).toBe('こん');
    expect(decodeBodyText(Buffer.from('K+APY-ln'), 'utf-7')).toBe('Köln');
  });
});
