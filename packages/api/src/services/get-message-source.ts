import type { Database, SecretBox } from '@youjian/db';
import { fetchMessageSource } from '@youjian/sync';
import { requireOwnedMessage } from '../lib/owned-rows';

export interface GetMessageSourceOptions {
  db: Database;
  secretBox: SecretBox;
  userId: string;
  accountId: string;
  messageId: string;
}

/**
 * The raw RFC 5322 bytes of one of the user's messages, as the provider holds them, for
 * the "view source" download a message that cannot be read offers; the file is named
 * after the subject.
 */
export async function getMessageSource(options: GetMessageSourceOptions) {
  const { db, secretBox, userId, accountId, messageId } = options;
  const header = await requireOwnedMessage(db, { userId, accountId, messageId });
  const content = await fetchMessageSource({ db, accountId, messageId, secretBox });
  return { filename: `${header.subject.trim() || 'message'}.eml`, content };
}
