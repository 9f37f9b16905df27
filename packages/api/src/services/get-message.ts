import type { Database, SecretBox } from '@youjian/db';
import { proxyRemoteImages } from '@youjian/mail';
import { loadMessageBody } from '@youjian/sync';
import { imageProxyUrl } from '../lib/image-proxy-url';
import { requireOwnedMessage } from '../lib/owned-rows';

export interface GetMessageOptions {
  db: Database;
  secretBox: SecretBox;
  userId: string;
  accountId: string;
  messageId: string;
  allowRemoteImages?: boolean;
}

/**
 * A message for the reading pane: header from the mirror, body fetched on first open
 * (then cached). Reading changes nothing: a query is a GET, which must not change state
 * (a link or an <img> could trigger it cross-site), so the reading pane marks the message
 * read with the setFlags mutation once it is open. With `allowRemoteImages`, remote images point at the signed
 * image proxy of the reader (lib/image-proxy-url.ts).
 */
export async function getMessage(options: GetMessageOptions) {
  const { db, secretBox, userId, accountId, messageId } = options;
  const header = await requireOwnedMessage(db, { userId, accountId, messageId });
  const body = await loadMessageBody({
    db,
    accountId,
    messageId,
    secretBox,
    allowRemoteImages: options.allowRemoteImages ?? false,
  });
  // images the reader allowed load through the image proxy only, never from the sender
  if (options.allowRemoteImages && body.html !== null) {
    const key = secretBox.deriveKey('image-proxy');
    body.html = proxyRemoteImages(body.html, (url) => imageProxyUrl({ key, userId, url }));
  }
  return {
    id: header.id,
    accountId: header.accountId,
    mailboxId: header.mailboxId,
    subject: header.subject,
    from: header.from,
    to: header.to,
    cc: header.cc,
    sentAt: header.sentAt,
    receivedAt: header.receivedAt,
    flagged: header.flagged,
    seen: header.seen,
    body: {
      ...body,
      // a message that cannot be read offers its raw source (get-message-source.ts)
      sourceUrl: body.unreadable ? `/api/messages/${accountId}/${messageId}/source` : null,
    },
  };
}
