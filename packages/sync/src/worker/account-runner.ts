import { and, type Database, eq, mailbox, type SecretBox } from '@youjian/db';
import { type ImapFlow, openImap } from '@youjian/mail';
import { accountCredentials } from '../account-credentials';
import { accountStatusOf, recordAccountError } from '../account-status';
import { applyPendingOps } from '../apply-pending-ops';
import { indexBodies } from '../body-index';
import { nextSentCopyCheckAt } from '../check-sent-copies';
import { nextOutgoingDueAt } from '../outgoing-due';
import { sendQueuedMail } from '../send-queued-mail';
import { closeSession, loadAccount, syncMailboxes } from '../sync-account';
import { Backoff } from './backoff';
import { assertLeaseHeld, fencedDatabase, type LeaseFence, LeaseLostError } from './lease-fence';
import { DEFAULT_POLL_INTERVAL_MS, inboxPollIntervalMs } from './poll-interval';
import {
  idleOnInbox,
  pollInboxWithNoop,
  sleepUntilWoken,
  type WakeReason,
  wakeSignal,
} from './wait-for-change';

/** Retry of an account whose authorization code was rejected, unless woken first. */
export const AUTH_FAILED_RETRY_MS = 30 * 60_000;

/**
 * How long the body index may hold the session before INBOX is looked at again: while it
 * runs there is no IDLE, so this bounds how late new mail can be during a large backfill.
 */
export const BODY_INDEX_SLICE_MS = 5_000;

export type RunnerState =
  | 'connecting'
  | 'syncing'
  | 'indexing'
  | 'watching'
  | 'backoff'
  | 'stopped';

export interface AccountRunnerOptions {
  db: Database;
  accountId: string;
  /** the lease holder's id: every write transaction asserts this worker still owns the account */
  workerId: string;
  secretBox: SecretBox;
  /**
   * ms between two looks at INBOX where the server has no IDLE; overrides the preset's
   * interval (YOUJIAN_POLL_INTERVAL_MS). Default: the account's preset (poll-interval.ts).
   */
  pollIntervalMs?: number;
  /** how often every other folder is synced */
  folderIntervalMs: number;
  /** the periodic flag resync of servers without CONDSTORE (strategy.ts default 15 min) */
  fullResyncIntervalMs?: number;
  log: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * Keeps one account current over one IMAP session (NetEase throttles logins, so one
 * connection per account): connect, apply queued changes, send queued mail, sync every
 * folder, then watch INBOX — IDLE where CAPABILITY lists it, elsewhere NOOP on the
 * selected INBOX at the preset's interval — with the other folders on a slower schedule. Failures reconnect with backoff + jitter.
 */
export class AccountRunner {
  state: RunnerState = 'connecting';
  private readonly abort = new AbortController();
  private readonly fence: LeaseFence;
  /** the database as this runner may write it: every transaction asserts the lease */
  private readonly db: Database;
  private readonly backoff = new Backoff();
  private wakeNow = wakeSignal();
  private client: ImapFlow | undefined;
  private loop: Promise<void> | undefined;
  private lastFullSyncAt = 0;
  /** how the last wait for a change ended */
  private lastWake: WakeReason | null = null;
  /** INBOX poll interval (ms) without IDLE: the account's preset or the override, on connect */
  private inboxPollMs = DEFAULT_POLL_INTERVAL_MS;
  /** after every sync pass: new messages may have bodies to index */
  private bodiesPending = true;
  /** settles once, when stop() is called; raced against every wait */
  private readonly stopping: Promise<WakeReason>;

  constructor(private readonly options: AccountRunnerOptions) {
    this.fence = { accountId: options.accountId, workerId: options.workerId };
    this.db = fencedDatabase(options.db, this.fence);
    this.stopping = new Promise((resolve) => {
      this.abort.signal.addEventListener('abort', () => resolve('woken'), { once: true });
    });
  }

  get accountId(): string {
    return this.options.accountId;
  }

  /** Runs until stopped, the account is removed, or its lease is lost (then it resolves). */
  start(): Promise<void> {
    this.loop ??= this.run();
    return this.loop;
  }

  /** New work arrived (pending op, outgoing mail): stop waiting and run a cycle now. */
  wake(): void {
    this.wakeNow.wake('woken');
  }

  async stop(): Promise<void> {
    this.abort.abort(new Error('account runner stopped'));
    this.state = 'stopped';
    this.wake();
    this.client?.close();
    await this.loop;
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let client: ImapFlow | undefined;
      try {
        this.state = 'connecting';
        const account = await loadAccount(this.db, this.accountId);
        if (!account) return;
        this.inboxPollMs = inboxPollIntervalMs(account.provider, this.options.pollIntervalMs);
        client = await openImap(accountCredentials(account, this.options.secretBox));
        this.client = client;
        await this.cycle(client, true, false);
        this.backoff.reset();
        while (!this.stopped && client.usable) {
          const reason =
            (this.bodiesPending ? await this.indexBodiesFor(BODY_INDEX_SLICE_MS, client) : null) ??
            (await this.waitForChange(client));
          if (this.stopped) return;
          if (reason === 'closed' || !client.usable) {
            // the server ended the session (restart, idle timeout): reconnect, but not in a
            // tight loop if it keeps doing so
            await sleepUntilWoken(this.stopping, this.backoff.next());
            break;
          }
          await this.cycle(
            client,
            Date.now() - this.lastFullSyncAt >= this.options.folderIntervalMs,
            reason === 'mailbox_changed',
          );
        }
      } catch (error) {
        if (this.stopped) return;
        if (error instanceof LeaseLostError) {
          // another worker owns the account now: write nothing more, not even an error
          this.options.log('lease lost', { accountId: this.accountId });
          this.state = 'stopped';
          return;
        }
        this.options.log('account sync failed', {
          accountId: this.accountId,
          error: String(error),
        });
        await this.recordError(error);
        this.state = 'backoff';
        // a rejected authorization code stays rejected: retrying fast only gets the
        // mailbox locked by the provider, so wait for a relink (which wakes the runner)
        this.wakeNow = wakeSignal();
        const delay =
          accountStatusOf(error) === 'auth_failed' ? AUTH_FAILED_RETRY_MS : this.backoff.next();
        await sleepUntilWoken(Promise.race([this.stopping, this.wakeNow.promise]), delay);
      } finally {
        this.client = undefined;
        if (client) await closeSession(client);
      }
    }
  }

  private async recordError(error: unknown): Promise<void> {
    try {
      await assertLeaseHeld(this.options.db, this.fence);
      const account = await loadAccount(this.db, this.accountId);
      if (account) await recordAccountError(this.db, account, error);
    } catch {
      // a lost lease or an unreachable database: the owner (or the next attempt) reports
    }
  }

  /**
   * One pass: queued changes first (the user is waiting for them), then sync. The lease
   * is checked first, so a worker resumed after a long pause sends no IMAP write for an
   * account another worker has taken over (mirror writes are fenced in their transaction).
   */
  private async cycle(
    client: ImapFlow,
    allFolders: boolean,
    inboxFlagsChanged: boolean,
  ): Promise<void> {
    this.state = 'syncing';
    this.wakeNow = wakeSignal();
    const { db } = this;
    const { secretBox } = this.options;
    await assertLeaseHeld(this.options.db, this.fence);
    const account = await loadAccount(db, this.accountId);
    if (!account) {
      this.abort.abort(new Error('account removed'));
      return;
    }
    await applyPendingOps({ db, client, account });
    await sendQueuedMail({ db, client, account, secretBox });
    await syncMailboxes({
      db,
      client,
      account,
      signal: this.abort.signal,
      folders: allFolders ? 'all' : 'inbox',
      inboxFlagsChanged,
      fullResyncIntervalMs: this.options.fullResyncIntervalMs,
    });
    if (allFolders) this.lastFullSyncAt = Date.now();
    this.bodiesPending = true;
  }

  /**
   * Indexes bodies for at most `sliceMs`, handing the session back at once when woken
   * (queued changes, outgoing mail); the loop then syncs INBOX and carries on. Null when
   * every body is indexed: nothing to do but wait for a change.
   */
  private async indexBodiesFor(sliceMs: number, client: ImapFlow): Promise<WakeReason | null> {
    this.state = 'indexing';
    let reason: WakeReason | null = null;
    void Promise.race([this.wakeNow.promise, this.stopping]).then((r) => {
      reason ??= r;
    });
    const deadline = Date.now() + sliceMs;
    const account = await loadAccount(this.db, this.accountId);
    if (!account) return null;
    const done = await indexBodies({
      db: this.db,
      client,
      accountId: this.accountId,
      userId: account.userId,
      shouldPause: () => reason !== null || this.stopped || Date.now() > deadline,
    });
    if (done) this.bodiesPending = false;
    return reason ?? (done ? null : 'timer');
  }

  private async waitForChange(client: ImapFlow): Promise<WakeReason> {
    this.state = 'watching';
    // a sent mail's copy is looked for in Sent at a due time (check-sent-copies.ts)
    const sentCopyCheckAt = await nextSentCopyCheckAt(this.db, this.accountId);
    // and a mail waiting out its undo delay or scheduled time is sent when it falls due
    const outgoingDueAt = await nextOutgoingDueAt(this.db, this.accountId);
    const untilFolders = Math.max(
      0,
      Math.min(
        this.lastFullSyncAt + this.options.folderIntervalMs,
        sentCopyCheckAt?.getTime() ?? Number.POSITIVE_INFINITY,
        outgoingDueAt?.getTime() ?? Number.POSITIVE_INFINITY,
      ) - Date.now(),
    );
    const woken = Promise.race([this.wakeNow.promise, this.stopping]);
    const [inbox] = await this.db
      .select({
        path: mailbox.path,
        messages: mailbox.serverMessageCount,
        uidNext: mailbox.uidNext,
      })
      .from(mailbox)
      .where(and(eq(mailbox.accountId, this.accountId), eq(mailbox.role, 'inbox')));
    const inboxPath = inbox?.path ?? 'INBOX';
    // What the last pass saw: mail that arrived since then wakes the runner at once. Not
    // twice in a row: a server whose STATUS and SELECT counts disagree for good must not
    // turn watching into a busy loop of passes.
    const known =
      this.lastWake === 'behind'
        ? { messages: null, uidNext: null }
        : {
            messages: inbox?.messages ?? null,
            uidNext: inbox?.uidNext == null ? null : Number(inbox.uidNext),
          };
    this.lastWake = client.capabilities.has('IDLE')
      ? await idleOnInbox(client, inboxPath, known, woken, untilFolders)
      : await pollInboxWithNoop(client, inboxPath, known, woken, this.inboxPollMs, untilFolders);
    return this.lastWake;
  }
}
