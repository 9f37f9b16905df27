import { Readable } from 'node:stream';
import { and, eq, messageBody } from '@youjian/db';
import { decideAttachmentRead, downloadAttachmentPart, type PartDownload } from '@youjian/mail';
import { loadMessageRow, type MessageRef } from './fetch-message-source';
import { loadAttachment } from './load-attachment';
import { withReadingSession } from './reading-session';
import { loadAccount } from './sync-account';

export type AttachmentDownload =
  | { type: 'too-large'; size: number }
  | {
      type: 'file';
      filename: string;
      contentType: string;
      /** the decoded size as the pane listed it, when known */
      size: number | undefined;
      content: ReadableStream<Uint8Array>;
      /** 'part' when only the attachment's section was fetched, 'whole' when the message was */
      read: 'part' | 'whole';
    };

/**
 * Attachment `index` of a message for download. Where the message's structure allows
 * (the pane has listed its attachments, and one BODYSTRUCTURE leaf matches by name and
 * type) only that part is fetched and streamed, transfer-decoded on the way, and the size
 * check comes before any of it is read (decideAttachmentRead); otherwise the whole message
 * is fetched and parsed as before, then checked. `maxBytes`: the largest attachment served.
 */
export async function openAttachmentDownload(
  ref: MessageRef & { index: number; maxBytes: number },
): Promise<AttachmentDownload> {
  const { db, accountId, messageId, secretBox, index, maxBytes } = ref;
  const [body] = await db
    .select({ attachments: messageBody.attachments })
    .from(messageBody)
    .where(and(eq(messageBody.accountId, accountId), eq(messageBody.messageId, messageId)));
  const listed = body?.attachments ?? [];
  const wanted = listed.find((entry) => entry.index === index);
  if (wanted) {
    const row = await loadMessageRow(db, accountId, messageId);
    const account = await loadAccount(db, accountId);
    if (!account) throw new Error(`mail account ${accountId} does not exist`);
    const download = await new Promise<PartDownload>((resolve, reject) => {
      // resolves with the first delivery; the session stays in use until the content ends
      withReadingSession(db, account, secretBox, (client) =>
        downloadAttachmentPart(
          client,
          { path: row.path, uidValidity: row.uidValidity },
          row.uid,
          (leaves) => decideAttachmentRead({ leaves, listed, index, maxBytes }),
          resolve,
        ),
      ).catch(reject);
    });
    if (download.type === 'too-large') return { type: 'too-large', size: download.size };
    if (download.type === 'stream') {
      return {
        type: 'file',
        filename: wanted.filename,
        contentType: wanted.contentType,
        size: download.size,
        content: Readable.toWeb(download.content) as ReadableStream<Uint8Array>,
        read: 'part',
      };
    }
  }
  const whole = await loadAttachment(ref);
  if (whole.content.byteLength > maxBytes)
    return { type: 'too-large', size: whole.content.byteLength };
  return {
    type: 'file',
    filename: whole.filename,
    contentType: whole.contentType,
    size: whole.content.byteLength,
    content: new Blob([new Uint8Array(whole.content)]).stream(),
    read: 'whole',
  };
}
