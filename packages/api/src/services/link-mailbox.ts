import { and, type Database, eq, mailAccount, type SecretBox } from '@youjian/db';
import { type Endpoint, type ProviderId, resolveEndpoints, verifyCredentials } from '@youjian/mail';
import { wakeWorker } from '@youjian/sync';
import { AppError } from '../errors';

export interface LinkMailboxOptions {
  db: Database;
  secretBox: SecretBox;
  userId: string;
  provider: ProviderId;
  address: string;
  /** the 授权码 (authorization code) or password */
  authCode: string;
  /** only for the `custom` provider */
  custom?: { imap: Endpoint; smtp: Endpoint };
}

/**
 * Links a mailbox only after its IMAP login and SMTP authentication succeeded, so a
 * wrong authorization code never leaves a half-linked account behind. The worker is
 * woken to start the first sync.
 */
export async function linkMailbox(options: LinkMailboxOptions): Promise<{ id: string }> {
  const { db, secretBox, userId, provider, authCode } = options;
  const address = options.address.trim().toLowerCase();
  await assertNotLinked(db, userId, address);

  const { imap, smtp } = resolveEndpoints(provider, options.custom);
  const { capabilities } = await verifyCredentials({
    address,
    username: address,
    secret: authCode,
    imap,
    smtp,
  });

  const [created] = await db
    .insert(mailAccount)
    .values({
      userId,
      address,
      provider,
      username: address,
      imapHost: imap.host,
      imapPort: imap.port,
      imapSecurity: imap.security,
      smtpHost: smtp.host,
      smtpPort: smtp.port,
      smtpSecurity: smtp.security,
      secretSealed: secretBox.seal(authCode),
      status: 'pending',
      capabilities,
    })
    // a second tab linking the same address at the same moment
    .onConflictDoNothing({ target: [mailAccount.userId, mailAccount.address] })
    .returning({ id: mailAccount.id });
  if (!created) throw alreadyLinked(address);

  await wakeWorker(db.$client, created.id);
  return created;
}

async function assertNotLinked(db: Database, userId: string, address: string) {
  const [existing] = await db
    .select({ id: mailAccount.id })
    .from(mailAccount)
    .where(and(eq(mailAccount.userId, userId), eq(mailAccount.address, address)))
    .limit(1);
  if (existing) throw alreadyLinked(address);
}

const alreadyLinked = (address: string) =>
  new AppError('ALREADY_LINKED', `${address} is already linked to your account.`);
