import { describe, expect, it } from 'vitest';
import { htmlToPlainText } from './plain-text';

describe('htmlToPlainText', () => {
  it('separates paragraphs by a blank line and keeps line breaks', () => {
    expect(htmlToPlainText('<p>你好，Bob</p><p>第一行<br>第二行</p>')).toBe(
      '你好，Bob\n\n第一行\n第二行',
    );
  });

  it('renders bullets and numbers, nested lists indented', () => {
    const text = htmlToPlainText(
      '<ul><li><p>苹果</p></li><li><p>梨</p><ul><li><p>雪梨</p></li></ul></li></ul><ol><li><p>one</p></li><li><p>two</p></li></ol>',
    );
    expect(text).toBe('- 苹果\n- 梨\n  - 雪梨\n\n 1. one\n 2. two');
  });

  it('writes a link as its text and address, or the address alone', () => {
    expect(htmlToPlainText('<p>See <a href="https://example.com/r">the report</a>.</p>')).toBe(
      'See the report <https://example.com/r>.',
    );
    expect(htmlToPlainText('<p><a href="https://example.com/">https://example.com/</a></p>')).toBe(
      'https://example.com/',
    );
  });

  it('quotes a blockquote with "> ", nested quotes twice', () => {
    const text = htmlToPlainText(
      '<p>Agreed.</p><p>On Monday Alice wrote:</p><blockquote><p>Shall we meet?</p><blockquote><p>Earlier text</p></blockquote></blockquote>',
    );
    expect(text).toBe('Agreed.\n\nOn Monday Alice wrote:\n\n> Shall we meet?\n>\n> > Earlier text');
  });

  it('keeps emphasis as plain words, headings as text and names a pasted image', () => {
    expect(
      htmlToPlainText(
        '<h2>季度总结</h2><p><strong>重要</strong> <em>note</em></p><p><img src="cid:a1" alt="chart.png"></p>',
      ),
    ).toBe('季度总结\n\n重要 note\n\n[image: chart.png]');
  });
});
