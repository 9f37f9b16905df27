import { MailError } from '@youjian/mail';

/**
 * Short IMAP sessions per account at once, on top of the worker's one long-lived session:
 * NetEase and QQ throttle (and for a while refuse) mailboxes that open many concurrent
 * connections, so reading sessions (reading-session.ts) from several web processes must
 * not fan out into as many logins. See docs/scaling.md.
 */
export const SHORT_SESSIONS_PER_ACCOUNT = 2;

/** How long a caller queues for a free slot before giving up with TIMEOUT. */
export const SLOT_WAIT_MS = 15_000;

/** Advisory-lock namespace of the slots, mixed into the 64-bit lock key. */
const SLOT_LOCK_SPACE = 0x5971;
const SLOT_KEY = 'hashtextextended($1, $2) # $3::bigint';

/** The part of a pg connection the slots use (the lock lives on this session). */
interface SlotConnection {
  query<R extends Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: R[] }>;
}

/**
 * Takes one of the account's short-session slots on `connection`: a session-level
 * Postgres advisory lock on (account, slot), so the cap holds across every web and worker
 * process sharing the database, and a crashed holder frees its slot with its connection.
 * A free slot is taken at once; otherwise the caller queues inside Postgres on one slot
 * (no polling), for at most SLOT_WAIT_MS. The slot is held until it is unlocked or the
 * connection closes.
 */
export async function takeImapSlot(connection: SlotConnection, accountId: string): Promise<number> {
  for (let slot = 0; slot < SHORT_SESSIONS_PER_ACCOUNT; slot++) {
    const { rows } = await connection.query<{ locked: boolean }>(
      `select pg_try_advisory_lock(${SLOT_KEY}) as locked`,
      [accountId, SLOT_LOCK_SPACE, slot],
    );
    if (rows[0]?.locked) return slot;
  }
  return queueForSlot(connection, accountId);
}

async function queueForSlot(connection: SlotConnection, accountId: string): Promise<number> {
  const slot = Math.floor(Math.random() * SHORT_SESSIONS_PER_ACCOUNT);
  try {
    // lock_timeout bounds the wait; a session-level advisory lock outlives the transaction
    await connection.query('begin');
    await connection.query(`set local lock_timeout = ${SLOT_WAIT_MS}`);
    await connection.query(`select pg_advisory_lock(${SLOT_KEY})`, [
      accountId,
      SLOT_LOCK_SPACE,
      slot,
    ]);
    await connection.query('commit');
    return slot;
  } catch (error) {
    await connection.query('rollback').catch(() => undefined);
    throw new MailError({
      code: 'TIMEOUT',
      protocol: 'imap',
      userMessage:
        'The mailbox is busy with other downloads right now (the provider limits connections). Try again in a moment.',
      cause: error,
    });
  }
}
