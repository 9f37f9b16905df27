import type { Database } from '@youjian/db';
import type { ImapFlow } from '@youjian/mail';
import type { AccountRow } from './sync-account';

/** What applying one queued op needs: the database, the account's open session, the account. */
export interface ApplyContext {
  db: Database;
  client: ImapFlow;
  account: AccountRow;
}

/** The server's state makes this op impossible (folder gone, …): repeating will not help. */
export class PermanentOpError extends Error {}
