import type { Database, SecretBox } from '@youjian/db';
import { loadAttachment } from '@youjian/sync';
import { requireOwnedMessage } from '../lib/owned-rows';

export interface GetAttachmentOptions {
  db: Database;
  secretBox: SecretBox;
  userId: string;
  accountId: string;
  messageId: string;
  index: number;
}

/** One attachment of one of the user's messages, for the download route. */
export async function getAttachment(options: GetAttachmentOptions) {
  const { db, secretBox, userId, accountId, messageId, index } = options;
  await requireOwnedMessage(db, { userId, accountId, messageId });
  return loadAttachment({ db, accountId, messageId, index, secretBox });
}
