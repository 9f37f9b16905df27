import { describe, expect, it } from 'vitest';
import { initialEditorHtml, signatureHtml, textToEditorHtml } from './compose-html';

describe('textToEditorHtml', () => {
  it('makes the attribution a paragraph and the quoted original a blockquote', () => {
    const text =
      '\n\nOn Mon, 3 Jun 2024, 爱丽丝 <alice@qq.test> wrote:\n> 各位好，\n> 明天<开会>。\n>\n> 谢谢';
    expect(textToEditorHtml(text)).toBe(
      '<p>On Mon, 3 Jun 2024, 爱丽丝 &lt;alice@qq.test&gt; wrote:</p>' +
        '<blockquote><p>各位好，<br>明天&lt;开会&gt;。</p><p>谢谢</p></blockquote>',
    );
  });

  it('nests quotes of quotes, in both spellings', () => {
    expect(textToEditorHtml('> a\n>> b\n> > c\n> d')).toBe(
      '<blockquote><p>a</p><blockquote><p>b<br>c</p></blockquote><p>d</p></blockquote>',
    );
  });

  it('keeps a forward header block as paragraphs', () => {
    expect(textToEditorHtml('---------- Forwarded message ----------\nFrom: a@b.c\n\nhello')).toBe(
      '<p>---------- Forwarded message ----------<br>From: a@b.c</p><p>hello</p>',
    );
  });
});

describe('the first document', () => {
  it('puts the signature under an empty first line and above the quote', () => {
    expect(initialEditorHtml({ prefillText: '> hi', signature: '王芳\n市场部\n' })).toBe(
      '<p></p><p>-- <br>王芳<br>市场部</p><blockquote><p>hi</p></blockquote>',
    );
  });

  it('is one empty paragraph for new mail without a signature', () => {
    expect(initialEditorHtml({})).toBe('<p></p>');
    expect(signatureHtml('  \n')).toBe('');
  });
});
