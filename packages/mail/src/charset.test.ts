import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeRawHeader, normalizeCharset, relabelGbCharsets } from './charset';
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
