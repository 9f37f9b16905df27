import { describe, expect, it } from 'vitest';
import { resolveLocale } from './locales';

describe('resolveLocale', () => {
  it('keeps the language the user chose over the browser', () => {
    expect(resolveLocale('zh-CN', 'en-US,en;q=0.9')).toBe('zh-CN');
    expect(resolveLocale('en', 'zh-CN,zh;q=0.9')).toBe('en');
  });

  it('ignores a chosen value it does not speak and asks the browser', () => {
    expect(resolveLocale('fr', 'zh-CN,zh;q=0.9')).toBe('zh-CN');
  });

  it('reads any Chinese tag as Simplified Chinese', () => {
    expect(resolveLocale(undefined, 'zh')).toBe('zh-CN');
    expect(resolveLocale(undefined, 'zh-Hans-CN')).toBe('zh-CN');
    expect(resolveLocale(undefined, 'zh-TW,en;q=0.5')).toBe('zh-CN');
  });

  it('takes the highest q-value the interface speaks, not the first listed', () => {
    expect(resolveLocale(undefined, 'en;q=0.4,zh-CN;q=0.8')).toBe('zh-CN');
    expect(resolveLocale(undefined, 'fr-FR,de;q=0.9,en;q=0.5,zh;q=0.1')).toBe('en');
  });

  it('skips languages refused with q=0', () => {
    expect(resolveLocale(undefined, 'zh;q=0,en;q=0.2')).toBe('en');
  });

  it('falls back to English without a header or a match', () => {
    expect(resolveLocale(undefined, null)).toBe('en');
    expect(resolveLocale(undefined, 'fr-FR,de')).toBe('en');
  });
});
