import { fetchRawMessage } from '@youjian/mail';
import { loadMessageRow, type MessageRef } from './fetch-message-source';
import { withReadingSession } from './reading-session';
import { loadAccount } from './sync-account';

/**
 * The raw RFC 5322 bytes of a mirrored message, read over the account's reading session:
 * what a forward as attachment carries, and what a reply reads Reply-To from (the mirror
 * does not keep it).
 */
export async function loadMessageSource(ref: MessageRef): Promise<Buffer> {
  const { db, accountId, messageId, secretBox } = ref;
  const row = await loadMessageRow(db, accountId, messageId);
  const account = await loadAccount(db, accountId);
  if (!account) throw new Error(`mail account ${accountId} does not exist`);
  return withReadingSession(db, account, secretBox, (client) =>
    fetchRawMessage(client, row.path, row.uid),
  );
}
