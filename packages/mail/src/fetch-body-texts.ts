import type { ImapFlow } from 'imapflow';
import { htmlToText } from './snippet';
import { fetchTextParts, type TextPartTarget, textPartOf } from './text-part';
import { compactUidSet } from './uid-set';
import { withMailbox } from './with-mailbox';

/**
 * The readable text of each message of a UID set in `path`, for the body search index:
 * EXAMINE, one FETCH of BODYSTRUCTURE, then each message's text part (text-part.ts), at
 * most `maxBytes` of it. HTML-only mail is returned as its words. uid → text; messages
 * without text, or expunged meanwhile, are absent.
 */
export async function fetchBodyTexts(
  client: ImapFlow,
  path: string,
  uids: readonly number[],
  maxBytes: number,
): Promise<Map<number, string>> {
  if (uids.length === 0) return new Map();
  return withMailbox(client, path, { readOnly: true }, async () => {
    const targets: TextPartTarget[] = [];
    for await (const message of client.fetch(
      compactUidSet(uids),
      { uid: true, bodyStructure: true },
      { uid: true },
    )) {
      targets.push({ uid: message.uid, part: textPartOf(message.bodyStructure) });
    }
    const texts = new Map<number, string>();
    for (const [uid, { part, text }] of await fetchTextParts(client, targets, maxBytes)) {
      // a capped HTML part may end inside a tag
      texts.set(uid, part.html ? htmlToText(text.replace(/<[^>]*$/, '')) : text);
    }
    return texts;
  });
}
