import type { ImapFlow } from '@youjian/mail';

export type WakeReason = 'exists' | 'mailbox_changed' | 'woken' | 'timer' | 'closed';

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
 * IDLE (RFC 2177) on INBOX until the server reports a change, the runner is woken, or
 * `maxWaitMs` passes. The mailbox lock is held while idling and released in finally;
 * IDLE is ended (DONE) before the lock is given back.
 */
export async function idleOnInbox(
  client: ImapFlow,
  inboxPath: string,
  woken: Promise<WakeReason>,
  maxWaitMs: number,
): Promise<WakeReason> {
  const lock = await client.getMailboxLock(inboxPath, { readOnly: true });
  const signal = wakeSignal();
  const onExists = () => signal.wake('exists');
  const onChange = () => signal.wake('mailbox_changed');
  const onClose = () => signal.wake('closed');
  const timer = setTimeout(() => signal.wake('timer'), Math.min(maxWaitMs, IDLE_RESTART_MS));
  client.on('exists', onExists);
  client.on('expunge', onChange);
  client.on('flags', onChange);
  client.on('close', onClose);
  void woken.then(signal.wake);
  let idling: Promise<unknown> | undefined;
  try {
    idling = client.idle().catch(() => undefined);
    return await signal.promise;
  } finally {
    clearTimeout(timer);
    client.off('exists', onExists);
    client.off('expunge', onChange);
    client.off('flags', onChange);
    client.off('close', onClose);
    // any command breaks IDLE first (imapflow sends DONE in its preCheck)
    if (client.usable) await client.noop().catch(() => undefined);
    await idling;
    lock.release();
  }
}

/** Without IDLE (NetEase): wait for the poll interval, or until woken. */
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
