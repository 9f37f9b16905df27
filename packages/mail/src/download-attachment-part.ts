import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ImapFlow } from 'imapflow';
import { type AttachmentRead, type StructureLeaf, structureLeaves } from './attachment-part';
import { MailError } from './errors';
import type { MailboxRef } from './types';
import { withMailbox } from './with-mailbox';

export type PartDownload =
  | Exclude<AttachmentRead, { type: 'stream' }>
  | { type: 'stream'; size: number; content: Readable };

/**
 * Reads message `uid`'s BODYSTRUCTURE, lets `decide` choose from its leaves, and for a
 * 'stream' decision hands `deliver` the part's content, fetched with BODY.PEEK[part] in
 * 64 KiB windows (imapflow's download(), so \Seen is not set) and transfer-decoded as it
 * flows (base64, quoted-printable; text is never re-encoded). The folder stays selected
 * until the content ends or is destroyed, so this resolves only then. Any other decision
 * is delivered without reading the body. Throws MailError MESSAGE_NOT_FOUND when the
 * message is gone, UIDVALIDITY_CHANGED as withMailbox does.
 */
export async function downloadAttachmentPart(
  client: ImapFlow,
  folder: MailboxRef,
  uid: number,
  decide: (leaves: StructureLeaf[]) => AttachmentRead,
  deliver: (download: PartDownload) => void,
): Promise<void> {
  await withMailbox(client, folder, { readOnly: true }, async () => {
    const found = await client.fetchOne(
      String(uid),
      { uid: true, bodyStructure: true },
      { uid: true },
    );
    const bodyStructure = found ? found.bodyStructure : undefined;
    if (!bodyStructure) {
      throw new MailError({
        code: 'MESSAGE_NOT_FOUND',
        protocol: 'imap',
        userMessage: `Message ${uid} is no longer in folder "${folder.path}" on the IMAP server.`,
      });
    }
    const decision = decide(structureLeaves(bodyStructure));
    if (decision.type !== 'stream') {
      deliver(decision);
      return;
    }
    const download = await client.download(String(uid), decision.part, {
      uid: true,
      decodeText: false,
    });
    if (!('content' in download) || !download.content) {
      throw new MailError({
        code: 'MESSAGE_NOT_FOUND',
        protocol: 'imap',
        userMessage: `Part ${decision.part} of message ${uid} is not on the IMAP server.`,
      });
    }
    deliver({ type: 'stream', size: decision.size, content: download.content });
    // a reader that gives up (the browser cancelled) ends the stream too
    await finished(download.content).catch(() => undefined);
  });
}
