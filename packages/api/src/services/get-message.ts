import { and, type Database, eq, messageBody, type SecretBox } from '@youjian/db';
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

/**
 * The message as getMessage gives it (remote images blocked) when its body is already in
 * the mirror, else null — without asking the mail server. What the list reads ahead for the
 * rows in sight (use-read-ahead.ts), so that opening one paints from the browser's cache;
 * a body never fetched is fetched when the message is opened, not because it scrolled by.
 * Throws NOT_FOUND, as getMessage, for a message that is not the user's.
 */
export async function peekMessage(options: Omit<GetMessageOptions, 'allowRemoteImages'>) {
  const { db, userId, accountId, messageId } = options;
  // ownership first: whether a body is mirrored is not to be learnt of another's message
  await requireOwnedMessage(db, { userId, accountId, messageId });
  const [mirrored] = await db
    .select({ messageId: messageBody.messageId })
    .from(messageBody)
    .where(and(eq(messageBody.accountId, accountId), eq(messageBody.messageId, messageId)));
  if (!mirrored) return null;
  return getMessage({ ...options, allowRemoteImages: false });
}
