import { describe, expect, it } from 'vitest';
import { checkFolderName } from './folder-name';

describe('checkFolderName', () => {
  it('accepts Chinese names and trims spaces', () => {
    expect(checkFolderName('  项目资料 ', '/')).toBe('项目资料');
  });

  it('rejects an empty name, the hierarchy delimiter and INBOX in any case', () => {
    expect(() => checkFolderName('  ', '/')).toThrow('Enter a folder name.');
    expect(() => checkFolderName('a/b', '/')).toThrow('A folder name cannot contain "/".');
    expect(() => checkFolderName('inbox', '/')).toThrow('INBOX is reserved');
  });
});
