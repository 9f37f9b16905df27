/**
 * Builds the RFC 5322 bytes of an outgoing message with nodemailer's MailComposer: UTF-8
 * bodies, RFC 2047 encoded-word subject and names, the caller's Message-ID (so a retried
 * send is recognisable), threading headers (RFC 5322 §3.6.4) and attachments. A mail
 * written in compose is multipart/alternative (text/plain, then text/html — RFC 2046
 * §5.1.4, the preferred form last), its pasted images in multipart/related with the HTML
 * (RFC 2387), its files in multipart/mixed around both.
 */
import { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import { toMailError } from './errors';
import { contentDispositionValue } from './outgoing/attachment-filename';
import { htmlDocument } from './outgoing/html';
import type { MailAddress, OutgoingAttachment, OutgoingMessage } from './types';

function formatAddress(address: MailAddress): { name: string; address: string } {
  return { name: address.name, address: address.address };
}

/**
 * A file part. A forwarded message (message/rfc822) is offered as a file to open, not
 * shown inline: nodemailer would make message/* parts inline by default; its bytes go
 * unencoded, as RFC 2046 §5.2.1 requires (nodemailer labels them 7bit or 8bit). The
 * Content-Disposition names the file in both the RFC 2047 and RFC 2231 forms
 * (outgoing/attachment-filename.ts); a pasted image is inline with its Content-ID.
 */
function toComposerAttachment(attachment: OutgoingAttachment) {
  const inline = attachment.contentId !== undefined;
  return {
    filename: attachment.filename,
    contentType: attachment.contentType,
    content:
      attachment.content instanceof Readable ? attachment.content : Buffer.from(attachment.content),
    // MailComposer sets this header last, over any in `headers`; a prepared value goes
    // out as written (typed as the string nodemailer's types expect)
    contentDisposition: {
      prepared: true,
      value: contentDispositionValue(attachment.filename, inline ? 'inline' : 'attachment'),
    } as unknown as 'attachment',
    ...(inline ? { cid: attachment.contentId } : {}),
  };
}

/**
 * The message as bytes: text/plain alone, or multipart/alternative with `html`; in
 * multipart/mixed when it carries files. Streams among the attachments are read once,
 * here. Throws MailError (smtp) when a part cannot be built or a stream fails.
 */
export async function buildRawMessage(message: OutgoingMessage): Promise<Buffer> {
  const composer = new MailComposer({
    from: formatAddress(message.from),
    to: message.to.map(formatAddress),
    cc: message.cc.map(formatAddress),
    subject: message.subject,
    text: message.text,
    textEncoding: 'base64',
    ...(message.html !== undefined ? { html: htmlDocument(message.html) } : {}),
    messageId: message.messageId,
    inReplyTo: message.inReplyTo,
    references: message.references,
    attachments: message.attachments?.map(toComposerAttachment),
    date: new Date(),
  });
  try {
    return await composer.compile().build();
  } catch (error) {
    throw toMailError(error, 'smtp');
  }
}
