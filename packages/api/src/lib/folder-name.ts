import { AppError } from '../errors';

/**
 * A folder name the user typed, checked before it becomes an IMAP path: not empty, no
 * hierarchy delimiter (folders are created at the top level), not INBOX, which RFC 3501
 * §5.1 reserves in any case. Chinese names are fine: imapflow encodes them as modified
 * UTF-7 (RFC 3501 §5.1.3).
 */
export function checkFolderName(name: string, delimiter: string | null): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new AppError('INVALID_INPUT', 'Enter a folder name.');
  if (delimiter && trimmed.includes(delimiter)) {
    throw new AppError('INVALID_INPUT', `A folder name cannot contain "${delimiter}".`);
  }
  if (trimmed.toUpperCase() === 'INBOX') {
    throw new AppError('INVALID_INPUT', 'INBOX is reserved; choose another name.');
  }
  return trimmed;
}
