import { describe, expect, it } from 'vitest';
import { folderDepth } from './folder-depth';

describe('folderDepth', () => {
  const qq = ['INBOX', 'Sent Messages', '其他文件夹', '其他文件夹/临时', '其他文件夹/临时/旧'];

  it('puts top-level folders at 0', () => {
    expect(folderDepth('INBOX', qq)).toBe(0);
    expect(folderDepth('Sent Messages', qq)).toBe(0);
  });

  it("nests QQ's 其他文件夹 children by the listed parents", () => {
    expect(folderDepth('其他文件夹', qq)).toBe(0);
    expect(folderDepth('其他文件夹/临时', qq)).toBe(1);
    expect(folderDepth('其他文件夹/临时/旧', qq)).toBe(2);
  });

  it('nests below INBOX with a dot delimiter (Courier-style namespace)', () => {
    expect(folderDepth('INBOX.项目', ['INBOX', 'INBOX.项目'])).toBe(1);
  });

  it('does not take a longer sibling name for a parent', () => {
    expect(folderDepth('Work2', ['Work', 'Work2'])).toBe(0);
    expect(folderDepth('Work/2024', ['Work', 'Work2', 'Work/2024'])).toBe(1);
  });

  it('skips a parent the server does not list', () => {
    expect(folderDepth('a/b/c', ['a', 'a/b/c'])).toBe(1);
  });
});
