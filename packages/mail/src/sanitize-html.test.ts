import { describe, expect, it } from 'vitest';
import { filterInlineStyle, sanitizeMailHtml } from './sanitize-html';

const blocked = { allowRemoteImages: false };

describe('sanitizeMailHtml against hostile HTML', () => {
  it.each([
    ['a script element', '<p>hi</p><script>alert(1)</script>', /<script|alert/],
    ['an onerror handler', '<img src="x" onerror="alert(1)">', /onerror|alert/],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>', /javascript:/i],
    [
      'an entity-obfuscated javascript: link',
      '<a href="jav&#x09;ascript:alert(1)">x</a>',
      /ascript:/i,
    ],
    ['a vbscript: link', '<a href="vbscript:msgbox(1)">x</a>', /vbscript/i],
    ['a data:text/html link', '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', /data:/],
    ['svg onload', '<svg onload="alert(1)"><circle/></svg>', /svg|onload/],
    [
      'a style url() beacon',
      '<div style="background:url(https://t.example/p.gif);color:red">x</div>',
      /url\(/,
    ],
    ['a CSS expression()', '<div style="width:expression(alert(1))">x</div>', /expression/],
    [
      'an escaped url() in CSS',
      '<div style="background:u\\72l(https://t.example)">x</div>',
      /background/,
    ],
    ['position:fixed overlays', '<div style="position:fixed;top:0">x</div>', /fixed/],
    [
      'a meta refresh',
      '<meta http-equiv="refresh" content="0;url=https://evil.example">',
      /meta|refresh/,
    ],
    [
      'a form with inputs',
      '<form action="https://evil.example"><input name="pw"><button>go</button></form>',
      /<form|<input|action/,
    ],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', /iframe/],
    ['object and embed', '<object data="x.swf"></object><embed src="x.swf">', /object|embed/],
    [
      'link and base',
      '<link rel="stylesheet" href="https://x/y.css"><base href="https://evil.example/">',
      /<link|<base/,
    ],
    [
      'a style block with @import',
      '<style>@import url(https://x/y.css); p{color:red}</style><p>t</p>',
      /@import|<style/,
    ],
    [
      'a script nested in a disallowed tag',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
      /onerror/,
    ],
    ['a handler in mixed case', '<p OnMouseOver="alert(1)">x</p>', /onmouseover/i],
  ])('removes %s', (_, html, forbidden) => {
    expect(sanitizeMailHtml(html, blocked).html).not.toMatch(forbidden);
  });

  it('keeps ordinary mail formatting', () => {
    const html =
      '<table cellpadding="4" bgcolor="#fff"><tr><td style="color: red; font-size: 14px" align="center"><b>季度</b> <font face="SimSun" color="blue">报告</font></td></tr></table>';
    const { html: clean } = sanitizeMailHtml(html, blocked);
    expect(clean).toContain('<table cellpadding="4" bgcolor="#fff">');
    expect(clean).toContain('style="color: red; font-size: 14px"');
    expect(clean).toContain('<font face="SimSun" color="blue">报告</font>');
  });

  it('opens links in a new tab without an opener', () => {
    const { html } = sanitizeMailHtml('<a href="https://example.org/a">a</a>', blocked);
    expect(html).toBe(
      '<a href="https://example.org/a" target="_blank" rel="noopener noreferrer">a</a>',
    );
  });

  it('blocks remote images and reports them', () => {
    const result = sanitizeMailHtml(
      '<img src="https://t.example/pixel.gif" srcset="https://t.example/2x.gif 2x" alt="p"><td background="http://t.example/bg.png">x</td>',
      blocked,
    );
    expect(result.hasRemoteImages).toBe(true);
    expect(result.html).toContain('data-blocked-src="https://t.example/pixel.gif"');
    expect(result.html).toContain('data-blocked-srcset="https://t.example/2x.gif 2x"');
    expect(result.html).not.toMatch(/ src=| srcset=| background=/);
  });

  it('shows remote images when the user allowed them', () => {
    const result = sanitizeMailHtml('<img src="https://example.org/logo.png">', {
      allowRemoteImages: true,
    });
    expect(result.hasRemoteImages).toBe(true);
    expect(result.html).toBe('<img src="https://example.org/logo.png" />');
  });

  it('resolves cid: images through the callback and keeps data:image', () => {
    const result = sanitizeMailHtml(
      '<img src="cid:logo@x"><img src="cid:missing"><img src="data:image/png;base64,iVBOR">',
      { allowRemoteImages: false, cidUrl: (cid) => (cid === 'logo@x' ? '/attachments/7/0' : null) },
    );
    expect(result.html).toBe(
      '<img src="/attachments/7/0" /><img /><img src="data:image/png;base64,iVBOR" />',
    );
    expect(result.hasRemoteImages).toBe(false);
  });

  it('drops data: images that are not raster images', () => {
    const { html } = sanitizeMailHtml('<img src="data:image/svg+xml;base64,PHN2Zz4=">', blocked);
    expect(html).toBe('<img />');
  });
});

describe('sanitizeMailHtml against CSS that fetches', () => {
  it.each([
    [
      'image-set()',
      `<div style="background-image:image-set('https://t.example/a.png' 1x)">x</div>`,
    ],
    [
      '-webkit-image-set()',
      '<div style="background-image:-webkit-image-set(&quot;https://t.example/a.png&quot; 1x)">x</div>',
    ],
    ['src()', '<div style="background:src(https://t.example/a.png)">x</div>'],
    ['image()', '<div style="background:image(https://t.example/a.png)">x</div>'],
    ['cross-fade()', '<div style="background:cross-fade(https://t.example/a.png, red)">x</div>'],
    ['element()', '<div style="background:-moz-element(#x)">x</div>'],
    ['paint()', '<div style="background:paint(beacon)">x</div>'],
    ['url() in upper case', '<div style="BACKGROUND:URL(https://t.example/a.png)">x</div>'],
    ['url() in list-style', '<ul style="list-style:url(https://t.example/a.png)"><li>x</li></ul>'],
    ['url() in a custom property', '<div style="--x:url(https://t.example/a.png)">x</div>'],
    ['url() with an escape', '<div style="background:\\75rl(https://t.example/a.png)">x</div>'],
    ['a comment inside url', '<div style="background:ur/**/l(https://t.example/a.png)">x</div>'],
  ])('removes %s and leaves nothing that would fetch', (_, html) => {
    const { html: clean } = sanitizeMailHtml(html, blocked);
    expect(clean).not.toContain('t.example');
    expect(clean).not.toMatch(/image-set|src\(|image\(|cross-fade|element\(|paint\(|url\(/i);
  });

  it('does not let a quoted semicolon split a declaration into a second one', () => {
    const { html } = sanitizeMailHtml(
      `<div style="font-family:'x;background:url(https://t.example/a.png)';color:red">x</div>`,
      blocked,
    );
    expect(html).toBe('<div style="color: red">x</div>');
  });

  it('keeps a semicolon inside a quoted font name as part of the font name', () => {
    expect(filterInlineStyle(`font-family: 'A;B', serif; color: red`)).toBe(
      `font-family: 'A;B', serif; color: red`,
    );
  });

  it('drops a style attribute that smuggles a rule or does not parse', () => {
    expect(filterInlineStyle('color:red}body{background:url(https://t.example/a.png)')).toBe('');
    expect(filterInlineStyle(`color:red; font-family:'unclosed`)).toBe('');
  });

  it('keeps colours, gradients and calc()', () => {
    expect(
      filterInlineStyle(
        'color: rgb(1, 2, 3); background: linear-gradient(#fff, hsl(0 0% 90%)); width: calc(100% - 8px)',
      ),
    ).toBe(
      'color: rgb(1, 2, 3); background: linear-gradient(#fff, hsl(0 0% 90%)); width: calc(100% - 8px)',
    );
  });
});

describe('filterInlineStyle', () => {
  it('keeps safe declarations and drops dangerous ones', () => {
    expect(
      filterInlineStyle('color: red; position: fixed; background-image: url(x); margin: 0'),
    ).toBe('color: red; margin: 0');
    expect(filterInlineStyle('position: absolute')).toBe('position: absolute');
  });
});
