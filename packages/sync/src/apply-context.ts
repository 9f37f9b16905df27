import type { Database } from '@youjian/db';
import type { ImapFlow } from '@youjian/mail';
import type { AccountRow } from './sync-account';

/** What applying one queued op needs: the database, the account's open session, the account. */
export interface ApplyContext {
  db: Database;
  client: ImapFlow;
  account: AccountRow;
}

/**
 * The server's state makes this op impossible (folder gone, …): repeating will not help.
 * `code` and `params` say why for the user (error-record.ts); the message is for operators.
 */
export class PermanentOpError extends Error {
  constructor(
    message: string,
    readonly code: 'FOLDER_GONE' | 'SPECIAL_FOLDER_MISSING',
    /** the folder's name (FOLDER_GONE), the missing folder's role (SPECIAL_FOLDER_MISSING) */
    readonly params: { folder?: string; role?: string } = {},
  ) {
    super(message);
  }
}
