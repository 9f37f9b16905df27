import type { Database, SecretBox } from '@youjian/db';
import { type AttachmentDownload, openAttachmentDownload } from '@youjian/sync';
import { requireOwnedMessage } from '../lib/owned-rows';

export interface GetAttachmentOptions {
  db: Database;
  secretBox: SecretBox;
  userId: string;
  accountId: string;
  messageId: string;
  index: number;
  /** the largest attachment served, octets: a larger one is answered 'too-large' unread */
  maxBytes: number;
}

/** One attachment of one of the user's messages, streamed for the download route. */
export async function getAttachment(options: GetAttachmentOptions): Promise<AttachmentDownload> {
  const { db, secretBox, userId, accountId, messageId, index, maxBytes } = options;
  await requireOwnedMessage(db, { userId, accountId, messageId });
  return openAttachmentDownload({ db, accountId, messageId, index, secretBox, maxBytes });
}
