import { and, type Database, eq, mailAccount, type SecretBox, user } from '@youjian/db';
import { queueOutgoingMail, wakeWorker } from '@youjian/sync';
import { AppError } from '../errors';
import { parseAddressList } from '../lib/address-list';
import { responseFields } from '../lib/response-fields';
import type { InResponseTo } from '../lib/response-kind';

export interface SendMailOptions {
  db: Database;
  secretBox: SecretBox;
  userId: string;
  accountId: string;
  /** comma-separated recipients as typed */
  to: string;
  cc: string;
  subject: string;
  text: string;
  /** the message this one replies to or forwards; its headers are read from the mirror */
  inResponseTo?: InResponseTo;
}

/**
 * Queues a message for the worker, which submits it through the account's own SMTP
 * server; the queue row survives a crash, so nothing typed is lost. From carries the
 * mailbox's display name, or else the user's name. A reply or forward gets its threading
 * headers and attachments from the original (response-fields.ts). Returns the queue row's id.
 */
export async function sendMail(options: SendMailOptions): Promise<{ id: string }> {
  const { db, secretBox, userId, accountId } = options;
  const sender = await senderOf(db, userId, accountId);
  const to = parseAddressList(options.to);
  const cc = parseAddressList(options.cc);
  if (to.length === 0) throw new AppError('INVALID_INPUT', 'Add at least one recipient in To.');
  const fromOriginal = options.inResponseTo
    ? await responseFields({ db, secretBox, userId, inResponseTo: options.inResponseTo })
    : {};

  const queued = await db.transaction((tx) =>
    queueOutgoingMail(tx, {
      accountId,
      draft: {
        to,
        cc,
        subject: options.subject,
        text: options.text,
        fromName: sender.displayName || sender.userName,
        ...fromOriginal,
      },
    }),
  );
  await wakeWorker(db.$client, accountId);
  return queued;
}

/** The user's own mailbox, with the names From may carry. */
async function senderOf(db: Database, userId: string, accountId: string) {
  const [row] = await db
    .select({ displayName: mailAccount.displayName, userName: user.name })
    .from(mailAccount)
    .innerJoin(user, eq(user.id, mailAccount.userId))
    .where(and(eq(mailAccount.id, accountId), eq(mailAccount.userId, userId)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'This mailbox is not linked to your account.');
  return row;
}
