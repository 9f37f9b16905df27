import { describe, expect, it } from 'vitest';
import { highlightParts, highlightTerms } from './highlight';

describe('highlightTerms', () => {
  it('marks free words, phrases and text operators, never exclusions or filters', () => {
    expect(highlightTerms('发票 "quarter report" from:alice -spam is:unread in:sent')).toEqual([
      'quarter report',
      'alice',
      '发票',
    ]);
  });
  it('reads the full-width colon and Chinese quotes', () => {
    expect(highlightTerms('subject：“周会 安排”')).toEqual(['周会 安排']);
  });
  it('drops a trailing prefix star', () => {
    expect(highlightTerms('invoic*')).toEqual(['invoic']);
  });
});

describe('highlightParts', () => {
  it('cuts the text where a term occurs, ignoring case', () => {
    expect(highlightParts('Q3报告 and the q3 plan', ['Q3'])).toEqual([
      { text: 'Q3', match: true },
      { text: '报告 and the ', match: false },
      { text: 'q3', match: true },
      { text: ' plan', match: false },
    ]);
  });
  it('finds a two-character Chinese word inside a sentence', () => {
    expect(highlightParts('明天开会议', ['会议'])).toEqual([
      { text: '明天开', match: false },
      { text: '会议', match: true },
    ]);
  });
  it('leaves text alone without terms', () => {
    expect(highlightParts('hello', [])).toEqual([{ text: 'hello', match: false }]);
  });
});
