import { and, type Database, eq, mailAccount, type SecretBox } from '@youjian/db';
import { verifyCredentials } from '@youjian/mail';
import { NO_ERROR_RECORD, wakeWorker } from '@youjian/sync';
import { AppError } from '../errors';

export interface UpdateMailboxCodeOptions {
  db: Database;
  secretBox: SecretBox;
  userId: string;
  accountId: string;
  /** the new 授权码 (authorization code) or password */
  authCode: string;
}

/**
 * A new authorization code for a linked mailbox — after the provider revoked the old one
 * (QQ after a password change, 163 after 授权密码 was reset) — without relinking, so the
 * mirror, folders and queued changes stay. The code must pass the same checks as a link
 * (IMAP login and SMTP authentication on the servers saved at link time, through the
 * egress guard); only then is it sealed in place of the old one, the account's error
 * cleared and the worker woken (it reloads the account every pass). A refused code
 * changes nothing. Throws NOT_FOUND for a mailbox that is not the user's, and the mail
 * package's words (MailError) for a refused code or an unreachable server.
 */
export async function updateMailboxCode(options: UpdateMailboxCodeOptions): Promise<void> {
  const { db, secretBox, userId, accountId, authCode } = options;
  const owned = and(eq(mailAccount.id, accountId), eq(mailAccount.userId, userId));
  const [account] = await db.select().from(mailAccount).where(owned).limit(1);
  if (!account) throw new AppError('NOT_FOUND', 'This mailbox is not linked to your account.');

  const { capabilities } = await verifyCredentials({
    address: account.address,
    username: account.username,
    secret: authCode,
    imap: { host: account.imapHost, port: account.imapPort, security: account.imapSecurity },
    smtp: { host: account.smtpHost, port: account.smtpPort, security: account.smtpSecurity },
  });

  await db
    .update(mailAccount)
    .set({
      secretSealed: secretBox.seal(authCode),
      status: 'pending',
      ...NO_ERROR_RECORD,
      lastErrorAt: null,
      capabilities,
    })
    .where(owned);
  await wakeWorker(db.$client, accountId);
}
