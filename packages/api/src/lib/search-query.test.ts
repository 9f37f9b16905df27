import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { parseSearchQuery } from './search-query';

const text = (input: string) => parseSearchQuery(input).text;

function rejection(input: string): AppError {
  try {
    parseSearchQuery(input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`"${input}" was accepted`);
}

describe('search query parser', () => {
  it('keeps free words, Chinese two-character words and mixed text as typed', () => {
    expect(text('发票 invoice Q3报告 2024')).toEqual([
      { field: null, text: '发票', phrase: false, prefix: false, exclude: false },
      { field: null, text: 'invoice', phrase: false, prefix: false, exclude: false },
      { field: null, text: 'Q3报告', phrase: false, prefix: false, exclude: false },
      { field: null, text: '2024', phrase: false, prefix: false, exclude: false },
    ]);
  });

  it('reads from: to: cc: subject: and filename: as text of that field', () => {
    expect(
      text('from:alice@qq.com to:@163.com cc:张伟 subject:报销 filename:pdf').map((c) => [
        c.field,
        c.text,
      ]),
    ).toEqual([
      ['from', 'alice@qq.com'],
      ['to', '@163.com'],
      ['cc', '张伟'],
      ['subject', '报销'],
      ['filename', 'pdf'],
    ]);
  });

  it('takes a quoted phrase, also after an operator and in Chinese quotes', () => {
    expect(text('"quarterly report" subject:"季度 报告" “会议 纪要”')).toEqual([
      { field: null, text: 'quarterly report', phrase: true, prefix: false, exclude: false },
      { field: 'subject', text: '季度 报告', phrase: true, prefix: false, exclude: false },
      { field: null, text: '会议 纪要', phrase: true, prefix: false, exclude: false },
    ]);
  });

  it('excludes with a minus, for words, phrases, fields and flags', () => {
    const query = parseSearchQuery('发票 -广告 -"newsletter weekly" -from:spam.com -is:starred');
    expect(query.text.map((c) => [c.field, c.text, c.exclude])).toEqual([
      [null, '发票', false],
      [null, '广告', true],
      [null, 'newsletter weekly', true],
      ['from', 'spam.com', true],
    ]);
    expect(query.starred).toBe(false);
  });

  it('reads has:attachment, is:unread, is:read and is:starred as flags', () => {
    expect(parseSearchQuery('has:attachment is:unread')).toMatchObject({
      hasAttachment: true,
      unread: true,
      starred: null,
    });
    expect(parseSearchQuery('is:read is:starred -has:attachment')).toMatchObject({
      hasAttachment: false,
      unread: false,
      starred: true,
    });
    expect(parseSearchQuery('-is:unread').unread).toBe(false);
  });

  it('collects in: folders and account: addresses, case of the address ignored', () => {
    expect(parseSearchQuery('in:已发送 in:inbox account:Alice@QQ.test')).toMatchObject({
      folders: ['已发送', 'inbox'],
      accounts: ['alice@qq.test'],
    });
  });

  it('reads before: and after: as calendar days in several spellings', () => {
    expect(parseSearchQuery('after:2024/3/1 before:2024-03-31')).toMatchObject({
      after: { year: 2024, month: 3, day: 1 },
      before: { year: 2024, month: 3, day: 31 },
    });
  });

  it('accepts the full-width colon of Chinese input methods', () => {
    expect(text('from：张三')).toEqual([
      { field: 'from', text: '张三', phrase: false, prefix: false, exclude: false },
    ]);
  });

  it('marks a trailing star as a prefix', () => {
    expect(text('repo*')).toEqual([
      { field: null, text: 'repo', phrase: false, prefix: true, exclude: false },
    ]);
  });

  it('keeps words with a colon that is no operator as text', () => {
    expect(text('re:meeting 12:30').map((c) => c.text)).toEqual(['re:meeting', '12:30']);
  });

  it('says what is wrong with input that cannot be a search', () => {
    const cases: Array<[string, RegExp]> = [
      ['"unclosed phrase', /closing quote/],
      ['from:', /from: needs a value/],
      ['from: alice', /from: needs a value/],
      ['has:pdf', /has: takes attachment/],
      ['is:important', /is: takes unread, read or starred/],
      ['before:yesterday', /before: takes a date such as before:2024-03-31/],
      ['after:2024-02-30', /not a date on the calendar/],
      ['is:read is:unread', /exclude each other/],
      ['-in:inbox', /cannot exclude/],
      ['subject:!!', /subject: needs a word/],
      ['   ', /Type a word/],
    ];
    for (const [input, message] of cases) {
      const error = rejection(input);
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.userMessage).toMatch(message);
    }
  });
});
