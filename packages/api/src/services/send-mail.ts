import type { Database } from '@youjian/db';
import { queueOutgoingMail, wakeWorker } from '@youjian/sync';
import { AppError } from '../errors';
import { parseAddressList } from '../lib/address-list';
import { requireOwnedAccount } from '../lib/owned-rows';

export interface SendMailOptions {
  db: Database;
  userId: string;
  accountId: string;
  /** comma-separated recipients as typed */
  to: string;
  cc: string;
  subject: string;
  text: string;
}

/**
 * Queues a message for the worker, which submits it through the account's own SMTP
 * server; the queue row survives a crash, so nothing typed is lost.
 */
export async function sendMail(options: SendMailOptions): Promise<{ id: string }> {
  const { db, userId, accountId } = options;
  await requireOwnedAccount(db, { userId, accountId });
  const to = parseAddressList(options.to);
  const cc = parseAddressList(options.cc);
  if (to.length === 0) throw new AppError('INVALID_INPUT', 'Add at least one recipient in To.');

  const queued = await db.transaction((tx) =>
    queueOutgoingMail(tx, {
      accountId,
      draft: { to, cc, subject: options.subject, text: options.text },
    }),
  );
  await wakeWorker(db.$client, accountId);
  return queued;
}
