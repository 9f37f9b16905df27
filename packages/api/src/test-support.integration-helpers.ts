/**
 * Shared setup for this package's integration tests: a fresh migrated database, users of
 * the product, and callers of the router acting as one of them.
 */
import crypto from 'node:crypto';
import { TRPCError } from '@trpc/server';
import {
  createSecretBox,
  mailAccount,
  mailbox,
  message,
  type SecretBox,
  sql,
  toSearchDocument,
  user,
} from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { createMailEventHub, type MailEventHub } from './lib/mail-event-hub';
import { createCaller } from './root';

export interface TestApi {
  database: TestDatabase;
  secretBox: SecretBox;
  events: MailEventHub;
  callerFor: (userId: string | null, signal?: AbortSignal) => ReturnType<typeof createCaller>;
  close: () => Promise<void>;
}

export async function createTestApi(): Promise<TestApi> {
  const database = await createTestDatabase();
  const secretBox = createSecretBox(crypto.randomBytes(32));
  const events = createMailEventHub(database.db);
  return {
    database,
    secretBox,
    events,
    callerFor: (userId, signal) =>
      createCaller({ db: database.db, secretBox, events, userId }, { signal }),
    close: async () => {
      await events.close();
      await database.drop();
    },
  };
}

export async function createProductUser(api: TestApi, email: string): Promise<string> {
  const id = crypto.randomUUID();
  await api.database.db.insert(user).values({ id, name: email, email });
  return id;
}

/** A linked mailbox written straight into the mirror, as if the worker had synced it. */
export async function seedMailbox(api: TestApi, userId: string, address: string) {
  const [account] = await api.database.db
    .insert(mailAccount)
    .values({
      userId,
      address,
      provider: 'custom',
      username: address,
      imapHost: '127.0.0.1',
      imapPort: 1,
      imapSecurity: 'tls',
      smtpHost: '127.0.0.1',
      smtpPort: 1,
      smtpSecurity: 'tls',
      secretSealed: api.secretBox.seal(`${address}-auth-code`),
      status: 'ok',
    })
    .returning({ id: mailAccount.id });
  if (!account) throw new Error('account not created');
  const [inbox] = await api.database.db
    .insert(mailbox)
    .values({ accountId: account.id, path: 'INBOX', name: 'INBOX', role: 'inbox', uidValidity: 1 })
    .returning({ id: mailbox.id });
  if (!inbox) throw new Error('inbox not created');
  return { accountId: account.id, inboxId: inbox.id };
}

export async function seedMessage(
  api: TestApi,
  folder: { accountId: string; inboxId: string },
  fields: { uid: number; subject: string; receivedAt: string; seen?: boolean },
) {
  const [row] = await api.database.db
    .insert(message)
    .values({
      accountId: folder.accountId,
      mailboxId: folder.inboxId,
      uid: fields.uid,
      subject: fields.subject,
      from: { name: 'Sender', address: 'sender@example.test' },
      receivedAt: sql`${fields.receivedAt}::timestamptz`,
      seen: fields.seen ?? false,
      flags: fields.seen ? ['\\Seen'] : [],
      searchDocument: sql`to_tsvector('simple', ${toSearchDocument(fields.subject)})`,
    })
    .returning({ id: message.id });
  if (!row) throw new Error('message not created');
  return row.id;
}

/** A mailbox of the local stack linked to `userId` as the "Other (IMAP/SMTP)" form does. */
export async function linkStackMailbox(
  api: TestApi,
  userId: string,
  mailUser: { address: string; authCode: string },
  endpoints: {
    imap: { host: string; port: number; security: 'tls' | 'starttls' | 'plain' };
    smtp: { host: string; port: number; security: 'tls' | 'starttls' | 'plain' };
  },
): Promise<string> {
  const { imap, smtp } = endpoints;
  const [row] = await api.database.db
    .insert(mailAccount)
    .values({
      userId,
      address: mailUser.address,
      provider: 'custom',
      username: mailUser.address,
      imapHost: imap.host,
      imapPort: imap.port,
      imapSecurity: imap.security,
      smtpHost: smtp.host,
      smtpPort: smtp.port,
      smtpSecurity: smtp.security,
      secretSealed: api.secretBox.seal(mailUser.authCode),
    })
    .returning({ id: mailAccount.id });
  if (!row) throw new Error('account not inserted');
  return row.id;
}

/** The TRPCError a call fails with; throws when it succeeds or fails with anything else. */
export async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
