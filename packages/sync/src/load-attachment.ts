import { MailError } from '@youjian/mail';
import { fetchParsedMessage, type MessageRef } from './fetch-message-source';

/** Attachment `index` of the parsed message (the index the body's summary lists). */
export async function loadAttachment(
  ref: MessageRef & { index: number },
): Promise<{ filename: string; contentType: string; content: Uint8Array }> {
  const parsed = await fetchParsedMessage(ref);
  const attachment = parsed.attachments[ref.index];
  if (!attachment) {
    throw new MailError({
      code: 'MESSAGE_NOT_FOUND',
      protocol: 'imap',
      userMessage: 'This attachment does not exist in the message.',
    });
  }
  return {
    filename: attachment.filename,
    contentType: attachment.contentType,
    content: attachment.content,
  };
}
