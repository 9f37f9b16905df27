import { describe, expect, it } from 'vitest';
import { compareFolders } from './folder-order';

describe('compareFolders', () => {
  it('puts INBOX, Drafts, Sent, Archive, Junk and Trash before ordinary folders', () => {
    const folders = [
      { path: 'Work', role: null },
      { path: '已删除', role: 'trash' as const },
      { path: '已发送', role: 'sent' as const },
      { path: 'INBOX', role: 'inbox' as const },
      { path: '垃圾邮件', role: 'junk' as const },
      { path: '草稿箱', role: 'drafts' as const },
    ];
    expect(folders.sort(compareFolders).map((folder) => folder.path)).toEqual([
      'INBOX',
      '草稿箱',
      '已发送',
      '垃圾邮件',
      '已删除',
      'Work',
    ]);
  });

  it('orders folders without a role by path so subfolders follow their parent', () => {
    const folders = [
      { path: '其他文件夹/b', role: null },
      { path: 'Archive 2', role: null },
      { path: '其他文件夹', role: null },
      { path: 'Archive 10', role: null },
    ];
    expect(folders.sort(compareFolders).map((folder) => folder.path)).toEqual([
      'Archive 2',
      'Archive 10',
      '其他文件夹',
      '其他文件夹/b',
    ]);
  });
});
