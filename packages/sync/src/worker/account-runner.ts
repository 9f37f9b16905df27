import { and, type Database, eq, mailbox, type SecretBox } from '@youjian/db';
import { type ImapFlow, openImap } from '@youjian/mail';
import { accountCredentials } from '../account-credentials';
import { accountStatusOf, recordAccountError } from '../account-status';
import { applyPendingOps } from '../apply-pending-ops';
import { sendQueuedMail } from '../send-queued-mail';
import { closeSession, loadAccount, syncMailboxes } from '../sync-account';
import { Backoff } from './backoff';
import { idleOnInbox, sleepUntilWoken, type WakeReason, wakeSignal } from './wait-for-change';

/** Retry of an account whose authorization code was rejected, unless woken first. */
export const AUTH_FAILED_RETRY_MS = 30 * 60_000;

export type RunnerState = 'connecting' | 'syncing' | 'watching' | 'backoff' | 'stopped';

export interface AccountRunnerOptions {
  db: Database;
  accountId: string;
  secretBox: SecretBox;
  /** STATUS polling of INBOX where the server has no IDLE */
  pollIntervalMs: number;
  /** how often every other folder is synced */
  folderIntervalMs: number;
  log: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * Keeps one account current over one IMAP session (NetEase throttles logins, so one
 * connection per account): connect, apply queued changes, send queued mail, sync every
 * folder, then watch INBOX — IDLE where CAPABILITY lists it, STATUS polling elsewhere —
 * with the other folders on a slower schedule. Failures reconnect with backoff + jitter.
 */
export class AccountRunner {
  state: RunnerState = 'connecting';
  private readonly abort = new AbortController();
  private readonly backoff = new Backoff();
  private wakeNow = wakeSignal();
  private client: ImapFlow | undefined;
  private loop: Promise<void> | undefined;
  private lastFullSyncAt = 0;
  /** settles once, when stop() is called; raced against every wait */
  private readonly stopping: Promise<WakeReason>;

  constructor(private readonly options: AccountRunnerOptions) {
    this.stopping = new Promise((resolve) => {
      this.abort.signal.addEventListener('abort', () => resolve('woken'), { once: true });
    });
  }

  get accountId(): string {
    return this.options.accountId;
  }

  start(): void {
    this.loop ??= this.run();
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
        const account = await loadAccount(this.options.db, this.accountId);
        if (!account) return;
        client = await openImap(accountCredentials(account, this.options.secretBox));
        this.client = client;
        await this.cycle(client, true);
        this.backoff.reset();
        while (!this.stopped && client.usable) {
          const reason = await this.waitForChange(client);
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
          );
        }
      } catch (error) {
        if (this.stopped) return;
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
    const account = await loadAccount(this.options.db, this.accountId).catch(() => null);
    if (account) await recordAccountError(this.options.db, account, error).catch(() => undefined);
  }

  /** One pass: queued changes first (the user is waiting for them), then sync. */
  private async cycle(client: ImapFlow, allFolders: boolean): Promise<void> {
    this.state = 'syncing';
    this.wakeNow = wakeSignal();
    const { db, secretBox } = this.options;
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
    });
    if (allFolders) this.lastFullSyncAt = Date.now();
  }

  private async waitForChange(client: ImapFlow): Promise<WakeReason> {
    this.state = 'watching';
    const untilFolders = Math.max(
      0,
      this.lastFullSyncAt + this.options.folderIntervalMs - Date.now(),
    );
    const woken = Promise.race([this.wakeNow.promise, this.stopping]);
    if (!client.capabilities.has('IDLE')) {
      return sleepUntilWoken(woken, Math.min(this.options.pollIntervalMs, untilFolders));
    }
    const [inbox] = await this.options.db
      .select({ path: mailbox.path })
      .from(mailbox)
      .where(and(eq(mailbox.accountId, this.accountId), eq(mailbox.role, 'inbox')));
    return idleOnInbox(client, inbox?.path ?? 'INBOX', woken, untilFolders);
  }
}
