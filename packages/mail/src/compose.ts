/**
 * Builds the RFC 5322 bytes of an outgoing message with nodemailer's MailComposer: UTF-8
 * bodies, RFC 2047 encoded-word subject and names, the caller's Message-ID (so a retried
 * send is recognisable) and threading headers (RFC 5322 §3.6.4).
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import { toMailError } from './errors';
import type { MailAddress, OutgoingMessage } from './types';

function formatAddress(address: MailAddress): { name: string; address: string } {
  return { name: address.name, address: address.address };
}

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
    date: new Date(),
  });
  try {
    return await composer.compile().build();
  } catch (error) {
    throw toMailError(error, 'smtp');
  }
}
