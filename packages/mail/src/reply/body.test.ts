import { describe, expect, it } from 'vitest';
import { forwardBody, forwardedFileName, quoteText, replyBody } from './body';
import { CHINESE_PHRASES, ENGLISH_PHRASES, responsePhrases } from './phrases';

const original = {
  from: { name: '爱丽丝', address: 'alice@qq.test' },
  to: [{ name: '鲍勃', address: 'bob@163.test' }],
  cc: [{ name: '', address: 'carol@qq.test' }],
  subject: '季度报告',
  date: new Date('2024-06-03T06:05:00Z'),
  text: '各位好，\r\n\r\n> earlier words\r\n明天见\r\n\r\n',
};

describe('quoted original', () => {
  it('quotes each line, adding a level to lines already quoted', () => {
    expect(quoteText('a\n\n> b\nc')).toBe('> a\n>\n>> b\n> c');
  });

  it('a reply leaves an empty line for the answer above the attribution and the quote', () => {
    expect(replyBody(original, { timeZone: 'Asia/Shanghai' })).toBe(
      '\n\nOn Mon, 3 Jun 2024, 14:05, 爱丽丝 <alice@qq.test> wrote:\n' +
        '> 各位好，\n>\n>> earlier words\n> 明天见\n',
    );
  });

  it("writes the date in the reader's time zone, and in UTC for an unknown zone", () => {
    expect(replyBody(original, { timeZone: 'UTC' })).toContain('On Mon, 3 Jun 2024, 06:05,');
    expect(replyBody(original, { timeZone: 'Not/AZone' })).toContain('On Mon, 3 Jun 2024, 06:05,');
  });

  it('takes its words from the phrase set', () => {
    const phrases = {
      ...ENGLISH_PHRASES,
      attribution: (d: string, s: string) => `${d}，${s} 写道：`,
    };
    expect(replyBody(original, { timeZone: 'UTC', phrases })).toContain(
      'Mon, 3 Jun 2024, 06:05，爱丽丝 <alice@qq.test> 写道：\n',
    );
  });
});

describe('forward inline', () => {
  it('writes the header block of the original, then its text unquoted', () => {
    expect(forwardBody(original, { timeZone: 'Asia/Shanghai' })).toBe(
      '\n\n---------- Forwarded message ----------\n' +
        'From: 爱丽丝 <alice@qq.test>\n' +
        'Date: Mon, 3 Jun 2024, 14:05\n' +
        'Subject: 季度报告\n' +
        'To: 鲍勃 <bob@163.test>\n' +
        'Cc: carol@qq.test\n\n' +
        '各位好，\n\n> earlier words\n明天见\n',
    );
  });

  it('leaves out an empty Cc', () => {
    expect(forwardBody({ ...original, cc: [] }, { timeZone: 'UTC' })).not.toContain('Cc:');
  });
});

describe('forward as attachment', () => {
  it('names the message after its subject, without characters file systems refuse', () => {
    expect(forwardedFileName('季度报告')).toBe('季度报告.eml');
    expect(forwardedFileName('Re: a/b "c"?')).toBe('Re a b c.eml');
    expect(forwardedFileName('')).toBe('(no subject).eml');
  });
});

describe('in Chinese (as QQ Mail writes them)', () => {
  const phrases = CHINESE_PHRASES;

  it("a reply: 在 <date>，<sender> 写道： with the date in the reader's zone", () => {
    expect(replyBody(original, { timeZone: 'Asia/Shanghai', phrases })).toBe(
      '\n\n在 2024年6月3日 14:05，爱丽丝 <alice@qq.test> 写道：\n' +
        '> 各位好，\n>\n>> earlier words\n> 明天见\n',
    );
    expect(replyBody(original, { timeZone: 'America/New_York', phrases })).toContain(
      '在 2024年6月3日 02:05，',
    );
  });

  it('a forward: the 原始邮件 block in QQ order, labels in Chinese', () => {
    expect(forwardBody(original, { timeZone: 'Asia/Shanghai', phrases })).toBe(
      '\n\n------------------ 原始邮件 ------------------\n' +
        '发件人: 爱丽丝 <alice@qq.test>\n' +
        '发送时间: 2024年6月3日 14:05\n' +
        '收件人: 鲍勃 <bob@163.test>\n' +
        '抄送: carol@qq.test\n' +
        '主题: 季度报告\n\n' +
        '各位好，\n\n> earlier words\n明天见\n',
    );
    const bare = forwardBody({ ...original, from: null, cc: [], subject: '' }, { phrases });
    expect(bare).toContain('发件人: 未知发件人\n');
    expect(bare).toContain('主题: （无主题）\n');
    expect(bare).not.toContain('抄送');
  });

  it('is chosen for any Chinese interface language; English otherwise', () => {
    expect(responsePhrases('zh-CN')).toBe(CHINESE_PHRASES);
    expect(responsePhrases('zh')).toBe(CHINESE_PHRASES);
    expect(responsePhrases('en')).toBe(ENGLISH_PHRASES);
    expect(responsePhrases(undefined)).toBe(ENGLISH_PHRASES);
    expect(forwardedFileName('', CHINESE_PHRASES)).toBe('（无主题）.eml');
  });
});
