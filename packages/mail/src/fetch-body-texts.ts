import type { ImapFlow } from 'imapflow';
import { htmlToText } from './snippet';
import { fetchTextParts, type TextPart, type TextPartTarget, textPartOf } from './text-part';
import type { MailboxRef } from './types';
import { compactUidSet } from './uid-set';
import { withMailbox } from './with-mailbox';

/**
 * The readable text of messages in `folder`, for the body search index: each message's text
 * part (text-part.ts), at most `maxBytes` of it. Where the part is not known yet
 * (`undefined`) one FETCH of BODYSTRUCTURE finds it first. HTML-only mail is returned as
 * its words. uid → text; messages without text, or expunged meanwhile, are absent.
 * Throws MailError UIDVALIDITY_CHANGED when the folder was renumbered (RFC 3501 §2.3.1.1):
 * the texts would belong to other messages.
 */
export async function fetchBodyTexts(
  client: ImapFlow,
  folder: MailboxRef,
  targets: ReadonlyArray<{ uid: number; part: TextPart | null | undefined }>,
  maxBytes: number,
): Promise<Map<number, string>> {
  if (targets.length === 0) return new Map();
  return withMailbox(client, folder, { readOnly: true }, async () => {
    const known: TextPartTarget[] = [];
    const unknown: number[] = [];
    for (const { uid, part } of targets) {
      if (part === undefined) unknown.push(uid);
      else known.push({ uid, part });
    }
    if (unknown.length > 0) {
      for await (const message of client.fetch(
        compactUidSet(unknown),
        { uid: true, bodyStructure: true },
        { uid: true },
      )) {
        known.push({ uid: message.uid, part: textPartOf(message.bodyStructure) });
      }
    }
    const texts = new Map<number, string>();
    for (const [uid, { part, text }] of await fetchTextParts(client, known, maxBytes)) {
      // a capped HTML part may end inside a tag
      texts.set(uid, part.html ? htmlToText(text.replace(/<[^>]*$/, '')) : text);
    }
    return texts;
  });
}
