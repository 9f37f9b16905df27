import { Readable } from 'node:stream';
import type { Database, OutgoingDraft, OutgoingDraftAttachment, SecretBox } from '@youjian/db';
import {
  forwardedFileName,
  forwardThreadingHeaders,
  parseMessage,
  replyThreadingHeaders,
} from '@youjian/mail';
import { fetchMessageSource, writeComposeFile } from '@youjian/sync';
import { requireOwnedMessage } from './owned-rows';
import type { InResponseTo } from './response-kind';

type ResponseFields = Pick<OutgoingDraft, 'inReplyTo' | 'references' | 'attachments'>;

/**
 * The fields of a reply or forward that come from the original, never from the client:
 * In-Reply-To and References (RFC 5322 §3.6.4) from the mirror row; for a forward the
 * original's attachments, for a forward as attachment the original itself
 * (message/rfc822, RFC 2046 §5.2.1), both read from the provider over the reading session
 * and put in the compose store for the sending mailbox, so the queued row refers to them
 * by id as to any upload.
 */
export async function responseFields(options: {
  db: Database;
  secretBox: SecretBox;
  userId: string;
  /** the mailbox the answer is sent from: the stored files belong to it */
  sendingAccountId: string;
  inResponseTo: InResponseTo;
}): Promise<ResponseFields> {
  const { db, secretBox, userId, inResponseTo } = options;
  const { kind, accountId, messageId } = inResponseTo;
  const original = await requireOwnedMessage(db, { userId, accountId, messageId });
  if (kind === 'reply' || kind === 'replyAll') return replyThreadingHeaders(original);

  const source = await fetchMessageSource({ db, accountId, messageId, secretBox });
  const store = (filename: string, contentType: string, content: Uint8Array) =>
    storeFile(db, { userId, accountId: options.sendingAccountId, filename, contentType, content });
  if (kind === 'forwardAsAttachment') {
    return {
      ...forwardThreadingHeaders(original),
      attachments: [await store(forwardedFileName(original.subject), 'message/rfc822', source)],
    };
  }
  const parsed = await parseMessage(source);
  const attachments: OutgoingDraftAttachment[] = [];
  for (const attachment of parsed.attachments) {
    attachments.push(await store(attachment.filename, attachment.contentType, attachment.content));
  }
  return { ...forwardThreadingHeaders(original), attachments };
}

async function storeFile(
  db: Database,
  file: {
    userId: string;
    accountId: string;
    filename: string;
    contentType: string;
    content: Uint8Array;
  },
): Promise<OutgoingDraftAttachment> {
  const stored = await writeComposeFile(db, {
    ...file,
    body: Readable.from([Buffer.from(file.content)]),
    // the total is checked against the provider's limit by the caller
    maxBytes: Number.MAX_SAFE_INTEGER,
  });
  return {
    filename: stored.filename,
    contentType: stored.contentType,
    fileId: stored.id,
    size: stored.size,
  };
}
