import type { Database, OutgoingDraft, SecretBox } from '@youjian/db';
import {
  forwardedFileName,
  forwardThreadingHeaders,
  parseMessage,
  replyThreadingHeaders,
} from '@youjian/mail';
import { fetchMessageSource } from '@youjian/sync';
import { requireOwnedMessage } from './owned-rows';
import type { InResponseTo } from './response-kind';

type ResponseFields = Pick<OutgoingDraft, 'inReplyTo' | 'references' | 'attachments'>;

/**
 * The fields of a reply or forward that come from the original, never from the client:
 * In-Reply-To and References (RFC 5322 §3.6.4) from the mirror row; for a forward the
 * original's attachments, for a forward as attachment the original itself
 * (message/rfc822, RFC 2046 §5.2.1), both read from the provider over the reading session.
 */
export async function responseFields(options: {
  db: Database;
  secretBox: SecretBox;
  userId: string;
  inResponseTo: InResponseTo;
}): Promise<ResponseFields> {
  const { db, secretBox, userId, inResponseTo } = options;
  const { kind, accountId, messageId } = inResponseTo;
  const original = await requireOwnedMessage(db, { userId, accountId, messageId });
  if (kind === 'reply' || kind === 'replyAll') return replyThreadingHeaders(original);

  const source = await fetchMessageSource({ db, accountId, messageId, secretBox });
  if (kind === 'forwardAsAttachment') {
    return {
      ...forwardThreadingHeaders(original),
      attachments: [
        {
          filename: forwardedFileName(original.subject),
          contentType: 'message/rfc822',
          contentBase64: source.toString('base64'),
        },
      ],
    };
  }
  const parsed = await parseMessage(source);
  return {
    ...forwardThreadingHeaders(original),
    attachments: parsed.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      contentBase64: Buffer.from(attachment.content).toString('base64'),
    })),
  };
}
