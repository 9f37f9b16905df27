/**
 * Builds the RFC 5322 bytes of an outgoing message with nodemailer's MailComposer: UTF-8
 * bodies, RFC 2047 encoded-word subject and names, the caller's Message-ID (so a retried
 * send is recognisable), threading headers (RFC 5322 §3.6.4) and attachments.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import { toMailError } from './errors';
import type { MailAddress, OutgoingAttachment, OutgoingMessage } from './types';

function formatAddress(address: MailAddress): { name: string; address: string } {
  return { name: address.name, address: address.address };
}

/**
 * A forwarded message (message/rfc822) is offered as a file to open, not shown inline:
 * nodemailer would make message/* parts inline by default. Its bytes go unencoded, as
 * RFC 2046 §5.2.1 requires (nodemailer labels them 7bit or 8bit).
 */
function toComposerAttachment(attachment: OutgoingAttachment) {
  return {
    filename: attachment.filename,
    contentType: attachment.contentType,
    content: Buffer.from(attachment.content),
    contentDisposition: 'attachment' as const,
  };
}

/**
 * The message as bytes: multipart/mixed when it carries attachments, else one text/plain
 * part in UTF-8.
 */
export async function buildRawMessage(message: OutgoingMessage): Promise<Buffer> {
  const composer = new MailComposer({
    from: formatAddress(message.from),
    to: message.to.map(formatAddress),
    cc: message.cc.map(formatAddress),
    subject: message.subject,
    text: message.text,
    textEncoding: 'base64',
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
