/** The list preview ("snippet"), read from the first bytes of each message's text part. */
import type { ImapFlow } from 'imapflow';
import { parseMessage } from './parse-message';
import { snippetOf } from './snippet';
import { decodeTextPart, fetchTextParts, type TextPart, type TextPartTarget } from './text-part';
import { compactUidSet } from './uid-set';

/** How much of the text part is read: enough for a ~200-character preview of most mail. */
export const PREVIEW_BYTES = 1536;

/** Pure: the preview of a part's decoded first bytes; an HTML prefix may end inside a tag. */
export function previewOf(text: string, part: TextPart, maxLength?: number): string {
  if (!part.html) return snippetOf({ html: null, text }, maxLength);
  return snippetOf({ html: text.replace(/<[^>]*$/, ''), text: null }, maxLength);
}

/** Pure: the preview of a part's first bytes as fetched. */
export function previewText(prefix: Uint8Array, part: TextPart, maxLength?: number): string {
  return previewOf(decodeTextPart(prefix, part), part, maxLength);
}

/** Previews for messages of the selected mailbox; uid → preview. */
export async function fetchPreviews(
  client: ImapFlow,
  targets: readonly TextPartTarget[],
): Promise<Map<number, string>> {
  const previews = new Map<number, string>();
  for (const [uid, { part, text }] of await fetchTextParts(client, targets, PREVIEW_BYTES)) {
    previews.set(uid, previewOf(text, part));
  }
  return previews;
}

/** Messages up to this size are parsed whole when BODYSTRUCTURE gave no readable text. */
export const SOURCE_PREVIEW_MAX_BYTES = 256 * 1024;

/**
 * Previews read from the whole source with the reading pane's parser (parse-message.ts),
 * for messages whose BODYSTRUCTURE named no text or an empty one — where the server's
 * parser and ours disagree (an RFC 2231 `boundary*=` the server does not read, say), the
 * list shows what the pane shows. uid → preview; only non-empty previews are returned.
 */
export async function fetchSourcePreviews(
  client: ImapFlow,
  uids: readonly number[],
): Promise<Map<number, string>> {
  const previews = new Map<number, string>();
  if (uids.length === 0) return previews;
  for await (const message of client.fetch(
    compactUidSet(uids),
    { uid: true, source: true },
    { uid: true },
  )) {
    if (!message.source) continue;
    try {
      const preview = snippetOf(await parseMessage(message.source));
      if (preview) previews.set(message.uid, preview);
    } catch {
      // a message nothing can be read from keeps its empty preview
    }
  }
  return previews;
}
