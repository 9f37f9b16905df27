import { describe, expect, it } from 'vitest';
import { searchDocumentOf, searchTermQuery } from './search-document';

const lexemes = (literal: string) =>
  new Map(
    Array.from(literal.matchAll(/'((?:[^']|'')*)':([\d,]+)/g), (m) => [
      m[1]?.replace(/''/g, "'") ?? '',
      (m[2] ?? '').split(',').map(Number),
    ]),
  );

describe('search document', () => {
  const document = lexemes(
    searchDocumentOf({
      subject: 'Q3报告',
      from: { name: 'Mia Wilson', address: 'Mia.Wilson15@FoxMail.com' },
      to: [{ name: '张伟', address: 'zhang@163.com' }],
      cc: [],
      body: '请查收发票',
      attachmentNames: ['发票.pdf'],
    }),
  );

  it('stores each address whole, its local part and its domain as exact lexemes', () => {
    for (const lexeme of ['mia.wilson15@foxmail.com', 'mia.wilson15', 'foxmail.com']) {
      expect(document.has(lexeme)).toBe(true);
      expect(document.has(`f:${lexeme}`)).toBe(true);
    }
    expect(document.has('t:zhang@163.com')).toBe(true);
    expect(document.has('f:zhang@163.com')).toBe(false);
  });

  it('keeps Chinese bigrams of a word at consecutive positions, tagged by field', () => {
    const [q3] = document.get('s:q3') ?? [];
    expect(document.get('s:报告')).toEqual([(q3 ?? 0) + 1]);
    expect(document.has('发票')).toBe(true);
    expect(document.has('n:发票')).toBe(true);
    expect(document.has('张伟')).toBe(true);
    expect(document.has('t:张')).toBe(true);
  });

  it('quotes apostrophes and backslashes so the literal casts to a tsvector', () => {
    const literal = searchDocumentOf({ subject: "o'neil", from: null, to: [], cc: [] });
    expect(literal).toContain("'o'");
  });
});

describe('search term query', () => {
  it('matches a whole address, a domain and a local part as one exact lexeme', () => {
    expect(searchTermQuery('Alice@QQ.com')).toBe("'alice@qq.com'");
    expect(searchTermQuery('@qq.com', { field: 'from' })).toBe("'f:qq.com'");
    expect(searchTermQuery('alice@', { field: 'to' })).toBe("'t:alice'");
  });

  it('matches a domain exactly or as its words in a row, never as a prefix', () => {
    expect(searchTermQuery('foxmail.com')).toBe("( 'foxmail.com' | ( 'foxmail' <-> 'com' ) )");
  });

  it('matches a partial address by its words, the last as a prefix', () => {
    expect(searchTermQuery('wilson15@fox')).toBe("( 'wilson15' <-> 'fox':* )");
  });

  it('matches Chinese and mixed text as a phrase of tokens', () => {
    expect(searchTermQuery('会议')).toBe("'会议'");
    expect(searchTermQuery('季度报告', { field: 'subject' })).toBe(
      "( 's:季度' <-> 's:度报' <-> 's:报告' )",
    );
    expect(searchTermQuery('Q3报告')).toBe("( 'q3' <-> '报告' )");
  });

  it('returns null for a term without words', () => {
    expect(searchTermQuery('!!')).toBeNull();
  });
});
