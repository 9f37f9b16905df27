import type { Database } from '@youjian/db';
import { attachmentLimitBytes, type ProviderId } from '@youjian/mail';
import {
  ComposeFileTooLarge,
  type StoredFile,
  sweepComposeFiles,
  writeComposeFile,
} from '@youjian/sync';
import { AppError } from '../errors';
import { requireOwnedAccount } from '../lib/owned-rows';

export interface UploadComposeFileOptions {
  db: Database;
  userId: string;
  accountId: string;
  /** the file's name as the browser gave it */
  filename: string;
  contentType: string;
  /** the request's Content-Length, when it sent one: refused at once when over the limit */
  declaredBytes: number | null;
  body: AsyncIterable<Uint8Array>;
}

/** An upload no mail took within this long was left behind (compose closed unsent). */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/** The answer to a file over the provider's limit: the client shows it in words. */
export class UploadTooLarge extends AppError {
  constructor(readonly limitBytes: number) {
    super(
      'INVALID_INPUT',
      `This file is larger than the ${(limitBytes / 1_048_576).toFixed(1)} MB your provider accepts in one mail.`,
    );
  }
}

/**
 * Stores an upload from compose for the user's mailbox `accountId`, streamed into the
 * compose store as it arrives. A file larger than what the mailbox's provider takes in
 * one mail (attachmentLimitBytes) is refused — from Content-Length before a byte is read
 * where the client sent one — and nothing of it is kept. The user's uploads abandoned a
 * day ago go first. Throws UploadTooLarge, or
 * NOT_FOUND when the mailbox is not the user's.
 */
export async function uploadComposeFile(options: UploadComposeFileOptions): Promise<StoredFile> {
  const { db, userId, accountId } = options;
  const account = await requireOwnedAccount(db, { userId, accountId });
  const limit = attachmentLimitBytes(account.provider as ProviderId);
  if (options.declaredBytes !== null && options.declaredBytes > limit) {
    throw new UploadTooLarge(limit);
  }
  await sweepComposeFiles(db, { userId, olderThanMs: ABANDONED_AFTER_MS });
  const filename = options.filename
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters and path separators are what is removed
    .replace(/[\x00-\x1f\x7f/\\]/g, '')
    .trim()
    .slice(0, 255);
  try {
    return await writeComposeFile(db, {
      userId,
      accountId,
      filename: filename || 'attachment',
      contentType: /^[\w.+-]+\/[\w.+-]+$/.test(options.contentType)
        ? options.contentType.toLowerCase()
        : 'application/octet-stream',
      body: options.body,
      maxBytes: limit,
    });
  } catch (error) {
    if (error instanceof ComposeFileTooLarge) throw new UploadTooLarge(limit);
    throw error;
  }
}
