import {
  and,
  type Database,
  eq,
  mailAccount,
  type OutgoingDraftAttachment,
  type SecretBox,
  user,
} from '@youjian/db';
import {
  attachmentLimitBytes,
  htmlToPlainText,
  type ProviderId,
  referencedContentIds,
  sanitizeOutgoingHtml,
} from '@youjian/mail';
import { deleteComposeFiles, ownedReadyFiles, queueOutgoingMail, wakeWorker } from '@youjian/sync';
import { AppError } from '../errors';
import { parseAddressList } from '../lib/address-list';
import { responseFields } from '../lib/response-fields';
import type { InResponseTo } from '../lib/response-kind';
import { holdSend, type SendTiming, sendRecord } from './send-timing';

/** A stored file compose sends: an upload, or a pasted image the HTML shows as cid:. */
export interface ComposedFile {
  fileId: string;
  contentId?: string;
}

export interface SendMailOptions {
  db: Database;
  secretBox: SecretBox;
  userId: string;
  accountId: string;
  /** comma-separated recipients as typed */
  to: string;
  cc: string;
  subject: string;
  /** the plain text of a plain-text mail; ignored when `html` is given */
  text: string;
  /** the rich editor's HTML: sanitized here, and the text/plain part derived from it */
  html?: string;
  /** files of the compose store (uploads, pasted images), in the order shown */
  files?: ComposedFile[];
  /** the message this one replies to or forwards; its headers are read from the mirror */
  inResponseTo?: InResponseTo;
  /** the autosaved draft this mail was written in: removed in the queuing transaction */
  draftId?: string;
  /** send at this time instead of after the undo delay (scheduled send) */
  sendAt?: Date;
}

/**
 * Queues a message for the worker, which submits it through the account's own SMTP
 * server; the queue row survives a crash, so nothing typed is lost. From carries the
 * mailbox's display name, or else the user's name. A reply or forward gets its threading
 * headers and attachments from the original (response-fields.ts). Files are referenced by
 * their compose store id, checked to be the user's and complete, and together must
 * fit the provider's limit (INVALID_INPUT in words otherwise, nothing queued). Pasted
 * images the HTML no longer shows are dropped. Returns the queue row's id.
 */
export async function sendMail(options: SendMailOptions): Promise<{ id: string } & SendTiming> {
  const { db, secretBox, userId, accountId } = options;
  const sender = await senderOf(db, userId, accountId);
  const to = parseAddressList(options.to);
  const cc = parseAddressList(options.cc);
  if (to.length === 0) throw new AppError('INVALID_INPUT', 'Add at least one recipient in To.');
  const html = options.html === undefined ? undefined : sanitizeOutgoingHtml(options.html);
  const shown = referencedContentIds(html ?? '');
  const wanted = (options.files ?? []).filter((f) => !f.contentId || shown.has(f.contentId));
  const files = await ownedReadyFiles(db, {
    userId,
    ids: wanted.map((file) => file.fileId),
  }).catch(() => {
    throw new AppError('INVALID_INPUT', 'An attachment is missing; attach it again.');
  });
  const attached: OutgoingDraftAttachment[] = files.map((file, i) => ({
    filename: file.filename,
    contentType: file.contentType,
    fileId: file.id,
    size: file.size,
    ...(wanted[i]?.contentId ? { contentId: wanted[i]?.contentId } : {}),
  }));
  const limit = attachmentLimitBytes(sender.provider as ProviderId);
  if (total(attached) > limit) throw tooLarge(limit);
  const fromOriginal = options.inResponseTo
    ? await responseFields({
        db,
        secretBox,
        userId,
        sendingAccountId: accountId,
        inResponseTo: options.inResponseTo,
      })
    : {};
  const attachments = [...attached, ...(fromOriginal.attachments ?? [])];
  if (total(attachments) > limit) {
    await deleteComposeFiles(db, { userId, ids: storedIds(fromOriginal.attachments) });
    throw tooLarge(limit);
  }
  const unused = (options.files ?? []).filter((file) => !wanted.includes(file));
  await deleteComposeFiles(db, { userId, ids: unused.map((file) => file.fileId) });

  const queued = await db.transaction(async (tx) => {
    const row = await queueOutgoingMail(tx, {
      accountId,
      draft: {
        to,
        cc,
        subject: options.subject,
        text: html === undefined ? options.text : htmlToPlainText(html),
        ...(html === undefined ? {} : { html }),
        fromName: sender.displayName || sender.userName,
        ...sendRecord({ ...options, accountId }),
        ...fromOriginal,
        attachments,
      },
    });
    const { draftId, sendAt } = options;
    return { ...row, ...(await holdSend(tx, { userId, accountId, id: row.id, draftId, sendAt })) };
  });
  await wakeWorker(db.$client, accountId);
  return queued;
}

function total(attachments: OutgoingDraftAttachment[]): number {
  return attachments.reduce((sum, attachment) => sum + (attachment.size ?? 0), 0);
}

function storedIds(attachments: OutgoingDraftAttachment[] | undefined): string[] {
  return (attachments ?? []).flatMap((attachment) =>
    attachment.fileId ? [attachment.fileId] : [],
  );
}

function tooLarge(limit: number): AppError {
  return new AppError(
    'INVALID_INPUT',
    `The attachments come to more than the ${(limit / 1_048_576).toFixed(1)} MB your provider accepts in one mail.`,
  );
}

/** The user's own mailbox, with the names From may carry. */
async function senderOf(db: Database, userId: string, accountId: string) {
  const [row] = await db
    .select({
      displayName: mailAccount.displayName,
      provider: mailAccount.provider,
      userName: user.name,
    })
    .from(mailAccount)
    .innerJoin(user, eq(user.id, mailAccount.userId))
    .where(and(eq(mailAccount.id, accountId), eq(mailAccount.userId, userId)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'This mailbox is not linked to your account.');
  return row;
}
