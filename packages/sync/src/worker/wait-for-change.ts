import type { ImapFlow } from '@youjian/mail';
import { changedSinceLastPass, type InboxSnapshot } from './inbox-snapshot';

/**
 * Why watching ended: new mail (EXISTS), an expunge or flag change, work queued by the
 * app, the timer, the session's end — or 'behind': the folder selected for watching
 * already differed from the mirror's last observation (inbox-snapshot.ts).
 */
export type WakeReason = 'exists' | 'mailbox_changed' | 'woken' | 'timer' | 'closed' | 'behind';

/** RFC 2177 asks to re-issue IDLE within 29 minutes; the session's socket timeout is 5. */
export const IDLE_RESTART_MS = 4 * 60_000;

/** A promise plus the function that settles it once (first reason wins). */
export function wakeSignal(): { promise: Promise<WakeReason>; wake: (reason: WakeReason) => void } {
  let settle: (reason: WakeReason) => void = () => undefined;
  const promise = new Promise<WakeReason>((resolve) => {
    settle = resolve;
  });
  let done = false;
  return {
    promise,
    wake: (reason) => {
      if (done) return;
      done = true;
      settle(reason);
    },
  };
}

/**
 * Turns what the server says about the selected folder into a wake reason: a new message
 * count (EXISTS), an expunge or changed flags (untagged FETCH), or the session's end.
 * Returns the function that stops listening.
 */
function wakeOnMailboxChange(client: ImapFlow, wake: (reason: WakeReason) => void): () => void {
  const onExists = () => wake('exists');
  const onChange = () => wake('mailbox_changed');
  const onClose = () => wake('closed');
  client.on('exists', onExists);
  client.on('expunge', onChange);
  client.on('flags', onChange);
  client.on('close', onClose);
  return () => {
    client.off('exists', onExists);
    client.off('expunge', onChange);
    client.off('flags', onChange);
    client.off('close', onClose);
  };
}

/** What SELECT/EXAMINE just reported for the folder the lock selected. */
function selectedSnapshot(client: ImapFlow): InboxSnapshot {
  const selected = client.mailbox;
  if (!selected) return { messages: null, uidNext: null };
  return { messages: selected.exists ?? null, uidNext: selected.uidNext ?? null };
}

/**
 * IDLE (RFC 2177) on INBOX until the server reports a change, the runner is woken, or
 * `maxWaitMs` passes. Resolves 'behind' at once when the selected INBOX already differs
 * from `known`, the mirror's last observation (inbox-snapshot.ts). The mailbox lock is
 * held while idling and released in finally; IDLE is ended (DONE) before the lock is
 * given back.
 */
export async function idleOnInbox(
  client: ImapFlow,
  inboxPath: string,
  known: InboxSnapshot,
  woken: Promise<WakeReason>,
  maxWaitMs: number,
): Promise<WakeReason> {
  const lock = await client.getMailboxLock(inboxPath, { readOnly: true });
  if (changedSinceLastPass(known, selectedSnapshot(client))) {
    lock.release();
    return 'behind';
  }
  const signal = wakeSignal();
  const stopListening = wakeOnMailboxChange(client, signal.wake);
  const timer = setTimeout(() => signal.wake('timer'), Math.min(maxWaitMs, IDLE_RESTART_MS));
  void woken.then(signal.wake);
  let idling: Promise<unknown> | undefined;
  try {
    idling = client.idle().catch(() => undefined);
    return await signal.promise;
  } finally {
    clearTimeout(timer);
    stopListening();
    // any command breaks IDLE first (imapflow sends DONE in its preCheck)
    if (client.usable) await client.noop().catch(() => undefined);
    await idling;
    lock.release();
  }
}

/**
 * Without IDLE (NetEase): INBOX stays selected (EXAMINE) on the account's one session and
 * is asked every `intervalMs` with NOOP, whose answer carries EXISTS/EXPUNGE/FETCH for
 * the selected folder (RFC 3501 §6.1.2) — so new mail and other clients' flag changes are
 * seen without a new LOGIN (NetEase throttles logins) and without STATUS, which Dovecot
 * answers for the selected folder from the session's stale view (§6.3.10). Resolves with
 * what changed, 'woken', 'closed', or 'timer' after `maxWaitMs` (ms); 'behind' at once when
 * the selected INBOX already differs from `known`. Where INBOX cannot
 * be selected it falls back to waiting one interval, after which the runner's pass looks
 * with STATUS. The mailbox lock is released in finally, with no NOOP left in flight.
 */
export async function pollInboxWithNoop(
  client: ImapFlow,
  inboxPath: string,
  known: InboxSnapshot,
  woken: Promise<WakeReason>,
  intervalMs: number,
  maxWaitMs: number,
): Promise<WakeReason> {
  let lock: Awaited<ReturnType<ImapFlow['getMailboxLock']>>;
  try {
    lock = await client.getMailboxLock(inboxPath, { readOnly: true });
  } catch {
    if (!client.usable) return 'closed';
    return sleepUntilWoken(woken, Math.min(intervalMs, maxWaitMs));
  }
  if (changedSinceLastPass(known, selectedSnapshot(client))) {
    lock.release();
    return 'behind';
  }
  const signal = wakeSignal();
  const stopListening = wakeOnMailboxChange(client, signal.wake);
  void woken.then(signal.wake);
  const until = Date.now() + maxWaitMs;
  try {
    for (;;) {
      const left = until - Date.now();
      if (left <= 0) return 'timer';
      const reason = await sleepUntilWoken(signal.promise, Math.min(intervalMs, left));
      if (reason !== 'timer') return reason;
      try {
        // the untagged answers reach the listeners above before NOOP completes
        await client.noop();
      } catch {
        return client.usable ? 'timer' : 'closed';
      }
    }
  } finally {
    stopListening();
    lock.release();
  }
}

/** Waits `ms` (milliseconds), or until `woken` settles first; resolves with the reason. */
export async function sleepUntilWoken(woken: Promise<WakeReason>, ms: number): Promise<WakeReason> {
  const signal = wakeSignal();
  const timer = setTimeout(() => signal.wake('timer'), ms);
  void woken.then(signal.wake);
  try {
    return await signal.promise;
  } finally {
    clearTimeout(timer);
  }
}
