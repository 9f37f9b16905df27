import { describe, expect, it } from 'vitest';
import { detectFolderRole } from './folder-role';
import type { FolderRole } from './types';

const cases: [string, { path: string; name: string; flags: string[] }, FolderRole | null][] = [
  ['INBOX by path', { path: 'INBOX', name: 'INBOX', flags: [] }, 'inbox'],
  [
    'inbox case-insensitively (RFC 3501 §5.1)',
    { path: 'Inbox', name: 'Inbox', flags: [] },
    'inbox',
  ],
  [
    'SPECIAL-USE \\Sent on a Chinese name',
    { path: '已发送', name: '已发送', flags: ['\\HasNoChildren', '\\Sent'] },
    'sent',
  ],
  ['SPECIAL-USE \\Drafts', { path: '草稿箱', name: '草稿箱', flags: ['\\Drafts'] }, 'drafts'],
  ['SPECIAL-USE \\Trash', { path: '已删除', name: '已删除', flags: ['\\Trash'] }, 'trash'],
  ['SPECIAL-USE \\Junk', { path: '垃圾邮件', name: '垃圾邮件', flags: ['\\Junk'] }, 'junk'],
  ['SPECIAL-USE \\Archive', { path: 'Old', name: 'Old', flags: ['\\Archive'] }, 'archive'],
  ['XLIST \\Spam', { path: 'Junk', name: 'Junk', flags: ['\\Spam'] }, 'junk'],
  [
    'XLIST \\Inbox on a localized name',
    { path: 'Posteingang', name: 'Posteingang', flags: ['\\Inbox'] },
    'inbox',
  ],
  ['a flag over a misleading name', { path: 'Trash', name: 'Trash', flags: ['\\Sent'] }, 'sent'],
  ['flags case-insensitively', { path: 'x', name: 'x', flags: ['\\SENT'] }, 'sent'],
  [
    'QQ "Sent Messages" by name',
    { path: 'Sent Messages', name: 'Sent Messages', flags: [] },
    'sent',
  ],
  ['"Sent"', { path: 'Sent', name: 'Sent', flags: [] }, 'sent'],
  ['"Sent Items"', { path: 'Sent Items', name: 'Sent Items', flags: [] }, 'sent'],
  ['已发送 by name', { path: '已发送', name: '已发送', flags: [] }, 'sent'],
  ['"Drafts"', { path: 'Drafts', name: 'Drafts', flags: [] }, 'drafts'],
  ['草稿箱 by name', { path: '草稿箱', name: '草稿箱', flags: [] }, 'drafts'],
  ['草稿 by name', { path: '草稿', name: '草稿', flags: [] }, 'drafts'],
  [
    'QQ "Deleted Messages"',
    { path: 'Deleted Messages', name: 'Deleted Messages', flags: [] },
    'trash',
  ],
  ['"Trash"', { path: 'Trash', name: 'Trash', flags: [] }, 'trash'],
  ['"Deleted Items"', { path: 'Deleted Items', name: 'Deleted Items', flags: [] }, 'trash'],
  ['已删除 by name', { path: '已删除', name: '已删除', flags: [] }, 'trash'],
  ['"Junk"', { path: 'Junk', name: 'Junk', flags: [] }, 'junk'],
  ['"Spam"', { path: 'Spam', name: 'Spam', flags: [] }, 'junk'],
  ['垃圾邮件 by name', { path: '垃圾邮件', name: '垃圾邮件', flags: [] }, 'junk'],
  ['"Archive"', { path: 'Archive', name: 'Archive', flags: [] }, 'archive'],
  ['归档 by name', { path: '归档', name: '归档', flags: [] }, 'archive'],
  ['a nested name by its last segment', { path: 'Work/Sent', name: 'Sent', flags: [] }, 'sent'],
  ['no role for NetEase 病毒文件夹', { path: '病毒文件夹', name: '病毒文件夹', flags: [] }, null],
  [
    'no role for a QQ user folder',
    { path: '其他文件夹/Projects', name: 'Projects', flags: [] },
    null,
  ],
  [
    'no role for \\HasChildren alone',
    { path: 'Lists', name: 'Lists', flags: ['\\HasChildren'] },
    null,
  ],
];

describe('detectFolderRole', () => {
  it.each(cases)('detects %s', (_, input, role) => {
    expect(detectFolderRole(input)).toBe(role);
  });
});
