import crypto from 'node:crypto';
import { type Database, eq, mailAccount, type OutgoingDraft, outgoingMail, sql } from '@youjian/db';
import type { OutgoingAttachment } from '@youjian/mail';
import { readComposeFile } from './compose-files';
import type { Tx } from './db-types';
import { WORK_CHANNEL } from './wake-worker';

/** RFC 5322 §3.6.4: a unique id on the right of @ taken from the sender's own domain. */
export function newMessageIdHeader(address: string): string {
  const domain = address.slice(address.lastIndexOf('@') + 1) || 'youjian.local';
  return `<${crypto.randomUUID()}@${domain}>`;
}

/**
 * Queues a mail for the worker to send, in the caller's transaction. The Message-ID is
 * chosen now, so that after a crash the worker can tell whether it was already sent.
 */
export async function queueOutgoingMail(
  tx: Tx,
  options: { accountId: string; draft: OutgoingDraft },
): Promise<{ id: string }> {
  const [account] = await tx
    .select({ address: mailAccount.address })
    .from(mailAccount)
    .where(eq(mailAccount.id, options.accountId));
  if (!account) throw new Error(`mail account ${options.accountId} does not exist`);
  const [row] = await tx
    .insert(outgoingMail)
    .values({
      accountId: options.accountId,
      messageIdHeader: newMessageIdHeader(account.address),
      draft: options.draft,
    })
    .returning({ id: outgoingMail.id });
  if (!row) throw new Error('outgoing mail was not queued');
  await tx.execute(sql`select pg_notify(${WORK_CHANNEL}, ${options.accountId})`);
  return row;
}

/**
 * The draft's attachments as the composer takes them: stored files as streams read while
 * the message is built (compose-files.ts), so a 50 MB file is never held whole; rows
 * queued before the store carry their bytes base64.
 */
export function outgoingAttachments(db: Database, draft: OutgoingDraft): OutgoingAttachment[] {
  return (draft.attachments ?? []).map((attachment) => ({
    filename: attachment.filename,
    contentType: attachment.contentType,
    content: attachment.fileId
      ? readComposeFile(db, attachment.fileId)
      : Buffer.from(attachment.contentBase64 ?? '', 'base64'),
    ...(attachment.contentId ? { contentId: attachment.contentId } : {}),
  }));
}
