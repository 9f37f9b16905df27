import { describe, expect, it } from 'vitest';
import { snippetOf } from './snippet';

describe('snippetOf', () => {
  it('collapses whitespace of the text part', () => {
    expect(snippetOf({ text: '  你好，\n\n  明天   开会 ', html: null })).toBe('你好， 明天 开会');
  });

  it('turns HTML into text without tags, styles or scripts', () => {
    const html =
      '<style>p{color:red}</style><script>var x=1</script><p>第一段</p><p>second&nbsp;&amp; third</p><table><tr><td>a</td><td>b</td></tr></table>';
    expect(snippetOf({ text: null, html })).toBe('第一段 second & third a b');
  });

  it('cuts at the maximum length on a character boundary', () => {
    const snippet = snippetOf({ text: '𠀀'.repeat(300), html: null }, 10);
    expect(Array.from(snippet)).toHaveLength(10);
    expect(snippet.endsWith('…')).toBe(true);
  });

  it('is empty for a message without text', () => {
    expect(snippetOf({ text: null, html: null })).toBe('');
  });
});
