/** Fresh mailbox users of the local providers, linked to fresh Youjian users in a bench database. */
import crypto from 'node:crypto';
import { type Database, mailAccount, type SecretBox, user } from '@youjian/db';
import { connectImap, MAILSTACK, type MailUser } from '@youjian/mailstack';

/** 'custom' is raw Dovecot (the "Other (IMAP/SMTP)" provider); 'qq' and '163' the emulations. */
export type BenchPreset = 'custom' | 'qq' | '163';

const ENDPOINTS = {
  custom: MAILSTACK.providers.other,
  qq: MAILSTACK.providers.qq,
  '163': MAILSTACK.providers.netease,
};
const endpointsOf = (preset: BenchPreset) => ENDPOINTS[preset];

/** Inserts a Youjian user and the linked mail account, as the "Add mailbox" form would. */
export async function linkAccount(
  db: Database,
  mailUser: MailUser,
  preset: BenchPreset,
  secretBox: SecretBox,
): Promise<{ accountId: string; userId: string }> {
  const { imap, smtp } = endpointsOf(preset);
  const userId = crypto.randomUUID();
  await db.insert(user).values({ id: userId, name: 'Bench', email: `${userId}@bench.test` });
  const [row] = await db
    .insert(mailAccount)
    .values({
      userId,
      address: mailUser.address,
      provider: preset,
      username: mailUser.address,
      imapHost: imap.host,
      imapPort: imap.port,
      imapSecurity: imap.security,
      smtpHost: smtp.host,
      smtpPort: smtp.port,
      smtpSecurity: smtp.security,
      secretSealed: secretBox.seal(mailUser.authCode),
    })
    .returning({ id: mailAccount.id });
  if (!row) throw new Error('mail account not inserted');
  return { accountId: row.id, userId };
}

/** Dovecot may need a moment to see a just-written passwd file: retry the first login. */
export async function untilLoginWorks(mailUser: MailUser, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const client = await connectImap(mailUser);
      await client.logout();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
