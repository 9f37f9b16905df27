import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBodyText, decodeRawHeader } from './charset';
import { isGbShaped } from './charset-detect';

const bytes = (text: string, charset: string) => iconv.encode(text, charset);

describe('isGbShaped', () => {
  it('takes GB2312 text and GB18030 four-byte sequences', () => {
    expect(isGbShaped(bytes('项目验收报告 v2', 'gbk'))).toBe(true);
    expect(isGbShaped(bytes('吉𠮷', 'gb18030'))).toBe(true);
  });

  it('leaves Latin-1 that happens to be valid GBK, and a cut sequence, to the detector', () => {
    // é followed by u, q, p, e: each pair is a valid GBK character, none is Chinese text
    expect(isGbShaped(bytes("Réunion d'équipe déplacée", 'latin1'))).toBe(false);
    expect(isGbShaped(Buffer.from([0xc4, 0xe3, 0xba]))).toBe(false);
  });
});

describe('the detector as the last resort', () => {
  it('reads raw Latin-1 header bytes right when the message declares no charset', () => {
    expect(decodeRawHeader(bytes("Réunion d'équipe déplacée", 'latin1'))).toBe(
      "Réunion d'équipe déplacée",
    );
    expect(decodeRawHeader(bytes('Grüße aus München', 'latin1'))).toBe('Grüße aus München');
  });

  it('still believes a charset the message declares before any guess', () => {
    expect(decodeRawHeader(bytes('André Dupont', 'latin1'), ['iso-8859-1'])).toBe('André Dupont');
  });

  it('keeps Chinese with a GBK extension character GB18030', () => {
    // 昇 is 0x95 0x4E in GBK: an ASCII trail byte, so the shape test passes it on
    expect(decodeRawHeader(bytes('关于昇腾项目的通知', 'gbk'))).toBe('关于昇腾项目的通知');
  });

  // EUC-KR is not among them: its bytes have GB2312's shape, and the shape decides first
  it.each([
    ['Привет, как дела? Встреча завтра в десять.', 'koi8-r'],
    ['Привет, как дела? Встреча завтра в десять.', 'windows-1251'],
    ['見積書の送付について、ご確認ください。', 'shift_jis'],
    ['會議記錄與下週行程，請查收。', 'big5'],
  ])('reads an unlabelled body in %s (%s)', (text, charset) => {
    expect(decodeBodyText(bytes(text, charset), null)).toBe(text);
  });
});
