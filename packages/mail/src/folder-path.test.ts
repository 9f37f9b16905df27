import { describe, expect, it } from 'vitest';
import {
  folderDisplayName,
  type PersonalNamespace,
  parentFolderPath,
  pathInNamespace,
  serverFolderPath,
} from './folder-path';

const courier: PersonalNamespace = { prefix: 'INBOX.', delimiter: '.' };
const dovecot: PersonalNamespace = { prefix: '', delimiter: '/' };

describe('serverFolderPath', () => {
  it('puts a top-level folder under the personal namespace prefix (RFC 2342)', () => {
    expect(serverFolderPath({ name: '临时', parentPath: null, namespace: courier })).toBe(
      'INBOX.临时',
    );
  });

  it('uses the bare name where the prefix is empty', () => {
    expect(serverFolderPath({ name: '临时', parentPath: null, namespace: dovecot })).toBe('临时');
  });

  it('adds the separator to a prefix given without it', () => {
    const bare = { prefix: 'INBOX', delimiter: '.' };
    expect(serverFolderPath({ name: 'Archive', parentPath: null, namespace: bare })).toBe(
      'INBOX.Archive',
    );
  });

  it('nests below a parent with the separator and no second prefix', () => {
    expect(serverFolderPath({ name: '子', parentPath: 'INBOX.临时', namespace: courier })).toBe(
      'INBOX.临时.子',
    );
    expect(serverFolderPath({ name: 'b', parentPath: 'a', namespace: dovecot })).toBe('a/b');
  });

  it("nests below QQ's non-selectable 其他文件夹", () => {
    expect(serverFolderPath({ name: '临时', parentPath: '其他文件夹', namespace: dovecot })).toBe(
      '其他文件夹/临时',
    );
  });
});

describe('folderDisplayName', () => {
  it('shows a folder without the prefix', () => {
    expect(folderDisplayName('INBOX.临时', courier)).toBe('临时');
    expect(folderDisplayName('INBOX.临时.子', courier)).toBe('子');
  });

  it('keeps INBOX, and names where the prefix is empty', () => {
    expect(folderDisplayName('INBOX', courier)).toBe('INBOX');
    expect(folderDisplayName('inbox', courier)).toBe('inbox');
    expect(folderDisplayName('项目', dovecot)).toBe('项目');
    expect(folderDisplayName('a/b', dovecot)).toBe('b');
    expect(folderDisplayName('其他文件夹/临时', dovecot)).toBe('临时');
  });

  it('shows a path outside the prefix (another namespace) by its last level', () => {
    expect(folderDisplayName('shared.team', courier)).toBe('team');
  });
});

describe('pathInNamespace', () => {
  it('strips the prefix only', () => {
    expect(pathInNamespace('INBOX.项目.2024', courier)).toBe('项目.2024');
    expect(pathInNamespace('INBOX', courier)).toBe('INBOX');
    expect(pathInNamespace('a/b', dovecot)).toBe('a/b');
  });
});

describe('parentFolderPath', () => {
  it('has no parent at the top of the namespace: the prefix is not a folder of the user', () => {
    expect(parentFolderPath('INBOX.临时', courier)).toBeNull();
    expect(parentFolderPath('临时', dovecot)).toBeNull();
  });

  it('gives the server path of the parent', () => {
    expect(parentFolderPath('INBOX.临时.子', courier)).toBe('INBOX.临时');
    expect(parentFolderPath('a/b/c', dovecot)).toBe('a/b');
    expect(parentFolderPath('其他文件夹/临时', dovecot)).toBe('其他文件夹');
  });

  it('round-trips with serverFolderPath', () => {
    for (const [path, namespace] of [
      ['INBOX.临时.子', courier],
      ['INBOX.临时', courier],
      ['其他文件夹/临时', dovecot],
    ] as const) {
      const rebuilt = serverFolderPath({
        name: folderDisplayName(path, namespace),
        parentPath: parentFolderPath(path, namespace),
        namespace,
      });
      expect(rebuilt).toBe(path);
    }
  });
});
