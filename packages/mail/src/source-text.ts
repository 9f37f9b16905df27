/**
 * The readable text of messages read from their whole source with the reading pane's own
 * parser (parse-message.ts), for messages whose BODYSTRUCTURE named no text or an empty
 * one — where the server's MIME parser and ours disagree (an RFC 2231 `boundary*=` that
 * Dovecot does not read, say). The list preview (preview.ts) and the body index
 * (fetch-body-texts.ts) both take this path, so the row, the pane and search agree.
 */
import type { ImapFlow } from 'imapflow';
import { listedAttachmentNames } from './inline-images';
import { parseMessage } from './parse-message';
import { htmlToText } from './snippet';
import { compactUidSet } from './uid-set';

/** Messages up to this size are parsed whole when BODYSTRUCTURE gave no readable text. */
export const SOURCE_PREVIEW_MAX_BYTES = 256 * 1024;

/** Pure: the text a person reads in the pane — the text part, else the HTML's words. */
export function readableText(parsed: { text: string | null; html: string | null }): string {
  return parsed.text?.trim() ? parsed.text : parsed.html ? htmlToText(parsed.html) : '';
}

/** What the pane shows of a message read whole: its text, its HTML, the files it lists. */
export interface SourceBody {
  text: string | null;
  html: string | null;
  attachmentNames: string[];
}

/**
 * Parses the sources of `uids` of the selected mailbox; uid → the pane's text and HTML.
 * Messages that cannot be read at all are absent.
 */
export async function fetchSourceBodies(
  client: ImapFlow,
  uids: readonly number[],
): Promise<Map<number, SourceBody>> {
  const bodies = new Map<number, SourceBody>();
  if (uids.length === 0) return bodies;
  for await (const message of client.fetch(
    compactUidSet(uids),
    { uid: true, source: true },
    { uid: true },
  )) {
    if (!message.source) continue;
    try {
      const parsed = await parseMessage(message.source);
      bodies.set(message.uid, {
        text: parsed.text,
        html: parsed.html,
        attachmentNames: listedAttachmentNames(parsed),
      });
    } catch {
      // a message nothing can be read from keeps no text
    }
  }
  return bodies;
}

/**
 * The UIDs among `uids` of the selected mailbox whose source is at most `maxBytes` octets
 * (RFC822.SIZE, RFC 3501 §6.4.5): the ones worth parsing whole.
 */
export async function uidsUpToSize(
  client: ImapFlow,
  uids: readonly number[],
  maxBytes = SOURCE_PREVIEW_MAX_BYTES,
): Promise<number[]> {
  const small: number[] = [];
  if (uids.length === 0) return small;
  for await (const message of client.fetch(
    compactUidSet(uids),
    { uid: true, size: true },
    { uid: true },
  )) {
    if ((message.size ?? 0) > 0 && (message.size ?? 0) <= maxBytes) small.push(message.uid);
  }
  return small;
}
