import { describe, expect, it } from 'vitest';
import { contentDispositionValue } from './attachment-filename';

describe('contentDispositionValue', () => {
  it('writes an ASCII name as a token or a quoted string', () => {
    expect(contentDispositionValue('report.pdf')).toBe('attachment; filename=report.pdf');
    expect(contentDispositionValue('Q3 "final".pdf')).toBe(
      'attachment; filename="Q3 \\"final\\".pdf"',
    );
  });

  it('writes a Chinese name as RFC 2047 words and as RFC 2231 UTF-8', () => {
    expect(contentDispositionValue('季度报告.pdf')).toBe(
      'attachment;\r\n filename="=?UTF-8?B?5a2j5bqm5oql5ZGKLnBkZg==?=";\r\n' +
        " filename*=UTF-8''%E5%AD%A3%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf",
    );
    expect(contentDispositionValue('图.png', 'inline')).toMatch(
      /^inline;\r\n filename="=\?UTF-8\?B\?/,
    );
  });

  it('keeps each encoded word within 75 characters and escapes the extended form', () => {
    const value = contentDispositionValue(`${'销售数据'.repeat(30)} (v2).xlsx`);
    for (const word of value.match(/=\?UTF-8\?B\?[^?]*\?=/g) ?? []) {
      expect(word.length).toBeLessThanOrEqual(75);
    }
    expect(value).toContain('%20%28v2%29.xlsx');
  });

  it('splits a very long name into numbered RFC 2231 sections, never inside an escape', () => {
    const value = contentDispositionValue(`${'华'.repeat(200)}.txt`);
    const sections = [...value.matchAll(/filename\*(\d+)\*=([^;\r]*)/g)];
    expect(sections.length).toBeGreaterThan(1);
    expect(sections[0]?.[2]).toMatch(/^UTF-8''%E5/);
    const joined = sections
      .map((m) => m[2])
      .join('')
      .replace("UTF-8''", '');
    expect(decodeURIComponent(joined)).toBe(`${'华'.repeat(200)}.txt`);
    for (const line of value.split('\r\n')) expect(line.length).toBeLessThan(998);
  });

  it('drops control characters from the name', () => {
    expect(contentDispositionValue('a\r\nb.txt')).toBe('attachment; filename=ab.txt');
  });
});
