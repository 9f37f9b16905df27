/**
 * Whether the reading pane lists attachments, for messages whose paperclip the server's
 * BODYSTRUCTURE cannot decide: images in a multipart/related that are attachments only
 * when the HTML never shows them through cid: (body-structure.ts relatedInlineIds). The
 * body index asks this for such messages, so the list's paperclip agrees with the pane.
 */
import type { ImapFlow } from 'imapflow';
import { fetchSourceBodies, uidsUpToSize } from './source-text';
import type { MailboxRef } from './types';
import { withMailbox } from './with-mailbox';

/**
 * uid → the file names of the attachments the pane lists (none: no paperclip), for the
 * `uids` of `folder` whose
 * source is at most SOURCE_PREVIEW_MAX_BYTES (larger ones keep the structure's answer and
 * are absent), read with the pane's own parser. Throws MailError UIDVALIDITY_CHANGED for a
 * renumbered folder.
 */
export async function fetchPaneAttachments(
  client: ImapFlow,
  folder: MailboxRef,
  uids: readonly number[],
): Promise<Map<number, string[]>> {
  const listed = new Map<number, string[]>();
  if (uids.length === 0) return listed;
  return withMailbox(client, folder, { readOnly: true }, async () => {
    for (const [uid, body] of await fetchSourceBodies(client, await uidsUpToSize(client, uids))) {
      listed.set(uid, body.attachmentNames);
    }
    return listed;
  });
}
