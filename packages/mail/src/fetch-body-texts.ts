import type { ImapFlow } from 'imapflow';
import { htmlToText } from './snippet';
import { fetchSourceBodies, readableText, uidsUpToSize } from './source-text';
import { fetchTextParts, type TextPart, type TextPartTarget, textPartOf } from './text-part';
import type { MailboxRef } from './types';
import { compactUidSet } from './uid-set';
import { withMailbox } from './with-mailbox';

/**
 * The readable text of messages in `folder`, for the body search index: each message's text
 * part (text-part.ts), at most `maxBytes` of it. Where the part is not known yet
 * (`undefined`) one FETCH of BODYSTRUCTURE finds it first. HTML-only mail is returned as
 * its words. Where that part is missing or empty (the server's MIME parser disagreeing with
 * ours), a message up to SOURCE_PREVIEW_MAX_BYTES is read whole with the pane's parser, as
 * the list preview is. uid → text; messages without text, or expunged meanwhile, are absent.
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
      const words = part.html ? htmlToText(text.replace(/<[^>]*$/, '')) : text;
      if (words.trim()) texts.set(uid, words);
    }
    // where the server's BODYSTRUCTURE found no text, read what the pane and the list
    // preview read: the source through the pane's parser (source-text.ts)
    const unread = targets.map((t) => t.uid).filter((uid) => !texts.has(uid));
    for (const [uid, body] of await fetchSourceBodies(client, await uidsUpToSize(client, unread))) {
      const text = readableText(body);
      if (text.trim()) texts.set(uid, text.slice(0, maxBytes));
    }
    return texts;
  });
}
