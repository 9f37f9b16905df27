/**
 * One IMAP session per account for reading message sources (opening a body the first
 * time, downloading an attachment), kept open for LINGER_MS after its last use with its
 * folder still selected. Reading one message after another then pays the TLS handshake,
 * LOGIN, ID and the folder's EXAMINE once rather than per message: on a 50,000-message
 * Dovecot folder the EXAMINE alone takes 40–200 ms, and over the internet each of those
 * steps is a round trip.
 *
 * While a session is open it holds one of its account's slots (imap-slot.ts) on a
 * connection of its own, so the cap on concurrent connections per account holds across
 * processes, and a crashed process frees the slot with its connection. At most
 * MAX_SESSIONS stay open per process: beyond that, the longest idle one makes way.
 */
import { type Database, dedicatedConnection, type SecretBox } from '@youjian/db';
import { closeImap, type ImapFlow, openImap } from '@youjian/mail';
import { accountCredentials, type CredentialColumns } from './account-credentials';
import { takeImapSlot } from './imap-slot';

/** Idle time after which a session logs out and frees its slot; below SLOT_WAIT_MS. */
export const LINGER_MS = 10_000;
export const MAX_SESSIONS = 4;

interface ReadingSession {
  accountId: string;
  client: ImapFlow;
  /** logs out and frees the slot; safe to call more than once */
  close: () => Promise<void>;
  users: number;
  retired: boolean;
  idleTimer?: NodeJS.Timeout;
}

interface Entry {
  opening: Promise<ReadingSession>;
  session?: ReadingSession;
}

const sessions = new Map<string, Entry>();
/** Sessions nobody is using, longest idle first (a Set keeps insertion order). */
const idle = new Set<ReadingSession>();

/** Runs `work` on the account's reading session, opening one if there is none. */
export async function withReadingSession<T>(
  db: Database,
  account: CredentialColumns & { id: string },
  secretBox: SecretBox,
  work: (client: ImapFlow) => Promise<T>,
): Promise<T> {
  let session = await sessionFor(db, account, secretBox);
  // retired while this caller waited for it (made way for another account): open anew
  if (session.retired) session = await sessionFor(db, account, secretBox);
  session.users += 1;
  clearTimeout(session.idleTimer);
  idle.delete(session);
  try {
    return await work(session.client);
  } finally {
    session.users -= 1;
    if (!session.client.usable) await retire(session);
    else if (session.users === 0 && !session.retired) {
      idle.add(session);
      session.idleTimer = setTimeout(() => void retire(session), LINGER_MS);
      session.idleTimer.unref();
    }
  }
}

/** Logs every reading session of this process out (shutdown, the end of a test file). */
export async function closeReadingSessions(): Promise<void> {
  const open = await Promise.allSettled([...sessions.values()].map((entry) => entry.opening));
  await Promise.all(
    open.map((result) => (result.status === 'fulfilled' ? retire(result.value) : undefined)),
  );
}

function sessionFor(
  db: Database,
  account: CredentialColumns & { id: string },
  secretBox: SecretBox,
): Promise<ReadingSession> {
  const existing = sessions.get(account.id);
  if (existing) return existing.opening;
  const longestIdle = idle.values().next().value;
  if (sessions.size >= MAX_SESSIONS && longestIdle) void retire(longestIdle);
  const entry: Entry = { opening: openReadingSession(db, account, secretBox) };
  sessions.set(account.id, entry);
  entry.opening.then(
    (session) => {
      entry.session = session;
    },
    () => {
      if (sessions.get(account.id) === entry) sessions.delete(account.id);
    },
  );
  return entry.opening;
}

async function openReadingSession(
  db: Database,
  account: CredentialColumns & { id: string },
  secretBox: SecretBox,
): Promise<ReadingSession> {
  const connection = dedicatedConnection(db);
  let session: ReadingSession | undefined;
  // the slot's connection dropped: the slot is free again, so the session must go too
  connection.on('error', () => {
    if (session) void retire(session);
  });
  await connection.connect();
  try {
    await takeImapSlot(connection, account.id);
    const client = await openImap(accountCredentials(account, secretBox));
    let closing: Promise<void> | undefined;
    const opened: ReadingSession = {
      accountId: account.id,
      client,
      users: 0,
      retired: false,
      close: () => {
        closing ??= closeImap(client).finally(() => connection.end().catch(() => undefined));
        return closing;
      },
    };
    client.on('close', () => void retire(opened));
    session = opened;
    return opened;
  } catch (error) {
    await connection.end().catch(() => undefined);
    throw error;
  }
}

function retire(session: ReadingSession): Promise<void> {
  session.retired = true;
  clearTimeout(session.idleTimer);
  idle.delete(session);
  if (sessions.get(session.accountId)?.session === session) sessions.delete(session.accountId);
  return session.close();
}
