/**
 * Shared setup of this package's integration tests: the local providers, a fresh
 * database, and linked accounts of fresh mailbox users on the QQ / NetEase emulations or
 * on raw Dovecot (the "Other (IMAP/SMTP)" provider).
 */
import crypto from 'node:crypto';
import { createSecretBox, type Database, mailAccount, user } from '@youjian/db';
import {
  closeImap,
  type ImapFlow,
  type MailCredentials,
  openImap,
  resolveEndpoints,
} from '@youjian/mail';
import { createMailUser, MAILSTACK, type MailUser, type MailUserOptions } from '@youjian/mailstack';

/** The key accounts are sealed with; worker processes get it as YOUJIAN_SECRET_KEY. */
export const secretKey = crypto.randomBytes(32);
export const secretBox = createSecretBox(secretKey);

export type TestPreset = 'qq' | '163' | 'custom';

export interface TestAccount {
  accountId: string;
  userId: string;
  mailUser: MailUser;
  creds: MailCredentials;
}

/**
 * A fresh provider mailbox linked to a fresh Youjian user, as the "Add mailbox" form does;
 * `mailUser` options set the mailbox's provider settings (e.g. QQ's Sent copy setting).
 */
export async function linkTestAccount(
  db: Database,
  preset: TestPreset,
  mailUserOptions: MailUserOptions = {},
): Promise<TestAccount> {
  const mailUser = await createMailUser(preset === '163' ? '163.test' : 'qq.test', mailUserOptions);
  const endpoints =
    preset === 'custom'
      ? { imap: { ...MAILSTACK.providers.other.imap }, smtp: { ...MAILSTACK.providers.other.smtp } }
      : resolveEndpoints(preset);
  const userId = crypto.randomUUID();
  await db.insert(user).values({ id: userId, name: 'Test', email: `${userId}@example.test` });
  const [row] = await db
    .insert(mailAccount)
    .values({
      userId,
      address: mailUser.address,
      displayName: 'Test Sender',
      provider: preset,
      username: mailUser.address,
      imapHost: endpoints.imap.host,
      imapPort: endpoints.imap.port,
      imapSecurity: endpoints.imap.security,
      smtpHost: endpoints.smtp.host,
      smtpPort: endpoints.smtp.port,
      smtpSecurity: endpoints.smtp.security,
      secretSealed: secretBox.seal(mailUser.authCode),
    })
    .returning({ id: mailAccount.id });
  if (!row) throw new Error('account not inserted');
  return {
    accountId: row.id,
    userId,
    mailUser,
    creds: {
      address: mailUser.address,
      username: mailUser.address,
      secret: mailUser.authCode,
      ...endpoints,
    },
  };
}

/** A session straight on Dovecot (no emulation), to seed and inspect the server side. */
export async function withDovecot<T>(mailUser: MailUser, work: (client: ImapFlow) => Promise<T>) {
  const client = await openImap({
    address: mailUser.address,
    username: mailUser.address,
    secret: mailUser.authCode,
    imap: { ...MAILSTACK.providers.other.imap },
    smtp: { ...MAILSTACK.providers.other.smtp },
  });
  try {
    return await work(client);
  } finally {
    await closeImap(client);
  }
}

export interface SeedMessage {
  subject: string;
  /** an RFC 2047 encoded subject, used as is (e.g. GBK) */
  rawSubject?: string;
  from?: string;
  messageId?: string;
  inReplyTo?: string;
  flags?: string[];
  date?: Date;
}

export function rawMessage(m: SeedMessage, to: string): string {
  const lines = [
    `From: ${m.from ?? 'Sender <sender@example.test>'}`,
    `To: ${to}`,
    `Subject: ${m.rawSubject ?? m.subject}`,
    `Date: ${(m.date ?? new Date()).toUTCString()}`,
    `Message-ID: ${m.messageId ?? `<${crypto.randomUUID()}@example.test>`}`,
    ...(m.inReplyTo ? [`In-Reply-To: ${m.inReplyTo}`, `References: ${m.inReplyTo}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Body of ${m.subject}`,
    '',
  ];
  return lines.join('\r\n');
}

/** APPENDs many messages over one session (the mailstack helper opens one per message). */
export async function seedFolder(mailUser: MailUser, path: string, messages: SeedMessage[]) {
  await withDovecot(mailUser, async (client) => {
    for (const m of messages) {
      await client.append(path, rawMessage(m, mailUser.address), m.flags ?? [], m.date);
    }
  });
}

/** UIDs and flags on the server, for comparing the mirror with it. */
export async function serverFlags(mailUser: MailUser, path: string) {
  return withDovecot(mailUser, async (client) => {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      const result = new Map<number, string[]>();
      if (client.mailbox && client.mailbox.exists === 0) return result;
      for await (const m of client.fetch('1:*', { uid: true, flags: true }, { uid: true })) {
        result.set(m.uid, [...(m.flags ?? [])].filter((f) => f !== '\\Recent').sort());
      }
      return result;
    } finally {
      lock.release();
    }
  });
}

export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** GBK bytes of 项目进度报告 as an RFC 2047 word labelled gb2312, as Chinese clients send it. */
export const GBK_SUBJECT = '=?gb2312?B?z+7Ev734tsixqLjm?=';
export const GBK_SUBJECT_TEXT = '项目进度报告';
