/** The list preview ("snippet"), read from the first bytes of each message's text part. */
import type { ImapFlow } from 'imapflow';
import { snippetOf } from './snippet';
import { fetchSourceBodies } from './source-text';
import { decodeTextPart, fetchTextParts, type TextPart, type TextPartTarget } from './text-part';

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

/**
 * Previews read from the whole source with the reading pane's parser (source-text.ts), for
 * messages whose BODYSTRUCTURE named no text or an empty one, so the list shows what the
 * pane shows. uid → preview; only non-empty previews are returned.
 */
export async function fetchSourcePreviews(
  client: ImapFlow,
  uids: readonly number[],
): Promise<Map<number, string>> {
  const previews = new Map<number, string>();
  for (const [uid, body] of await fetchSourceBodies(client, uids)) {
    const preview = snippetOf(body);
    if (preview) previews.set(uid, preview);
  }
  return previews;
}
