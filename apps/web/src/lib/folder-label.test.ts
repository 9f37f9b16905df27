import { describe, expect, it } from 'vitest';
import { folderLabel } from './folder-label';

const chinese = {
  inbox: '收件箱',
  sent: '已发送',
  drafts: '草稿箱',
  trash: '已删除',
  junk: '垃圾邮件',
  archive: '归档',
};
const english = {
  inbox: 'Inbox',
  sent: 'Sent',
  drafts: 'Drafts',
  trash: 'Trash',
  junk: 'Junk',
  archive: 'Archive',
};

describe('folderLabel', () => {
  it("names QQ's and 163's role folders alike, in the reader's language", () => {
    const qqSent = { role: 'sent', name: 'Sent Messages' };
    const neteaseSent = { role: 'sent', name: '已发送' };
    expect(folderLabel(qqSent, (role) => english[role])).toBe('Sent');
    expect(folderLabel(neteaseSent, (role) => english[role])).toBe('Sent');
    expect(folderLabel(qqSent, (role) => chinese[role])).toBe('已发送');
    expect(folderLabel({ role: 'trash', name: 'Deleted Messages' }, (role) => chinese[role])).toBe(
      '已删除',
    );
    expect(folderLabel({ role: 'inbox', name: 'INBOX' }, (role) => chinese[role])).toBe('收件箱');
  });

  it('keeps the provider name of a folder without a role', () => {
    expect(folderLabel({ role: null, name: '其他文件夹/Receipts' }, (role) => english[role])).toBe(
      '其他文件夹/Receipts',
    );
    expect(folderLabel({ role: null, name: '广告邮件' }, (role) => english[role])).toBe('广告邮件');
  });
});
