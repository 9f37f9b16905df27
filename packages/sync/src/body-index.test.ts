import { searchTokens } from '@youjian/db';
import { describe, expect, it } from 'vitest';
import { INDEXED_BODY_CHARS, indexedBody } from './body-index';

const row = {
  id: 'm1',
  subject: '周报',
  from: { name: '王芳', address: 'wang@163.test' },
  to: [{ name: '', address: 'li@qq.test' }],
};

describe('indexedBody', () => {
  it('indexes headers and body text together and previews the body', () => {
    const entry = indexedBody(row, '本周完成了数据库迁移。\n\nNext week: launch.');
    // the document is a tsvector literal: 'lexeme':positions …
    const tokens = Array.from(entry.searchDocument.matchAll(/'((?:[^']|'')*)':/g), (m) => m[1]);
    expect(tokens).toEqual(expect.arrayContaining(['周报', '王芳', 'li', '迁移', 'launch']));
    expect(entry.snippet).toBe('本周完成了数据库迁移。 Next week: launch.');
  });

  it(`indexes at most ${INDEXED_BODY_CHARS} characters of a body`, () => {
    const body = `${'a '.repeat(INDEXED_BODY_CHARS / 2)} needleword`;
    expect(searchTokens(indexedBody(row, body).searchDocument)).not.toContain('needleword');
    expect(searchTokens(indexedBody(row, 'needleword').searchDocument)).toContain('needleword');
  });
});
