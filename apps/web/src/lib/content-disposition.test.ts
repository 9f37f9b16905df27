import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('gives a Chinese file name as UTF-8 filename* with an ASCII fallback', () => {
    expect(attachmentDisposition('季度报告.pdf')).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''%E5%AD%A3%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf`,
    );
  });

  it('cannot be broken out of by quotes, slashes or line breaks in the name', () => {
    const header = attachmentDisposition('a"b\r\nSet-Cookie: x/..\\y.txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toContain(`filename="a_b__Set-Cookie: x_.._y.txt"`);
  });

  it('percent-encodes the characters RFC 8187 does not allow literally', () => {
    expect(attachmentDisposition("it's (1).txt")).toContain(
      `filename*=UTF-8''it%27s%20%281%29.txt`,
    );
  });

  it('names an empty file name "attachment"', () => {
    expect(attachmentDisposition('  ')).toContain('filename="attachment"');
  });
});
