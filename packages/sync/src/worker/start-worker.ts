import crypto from 'node:crypto';
import os from 'node:os';
import { closeDb, createDb, createSecretBox, loadSecretKey, type SecretBox } from '@youjian/db';
import { WORK_CHANNEL } from '../wake-worker';
import { AccountRunner } from './account-runner';
import { claimLeases, LEASE_RENEW_MS, LEASE_TTL_MS, releaseLeases } from './leases';

export interface StartWorkerOptions {
  databaseUrl: string;
  /** default: the key from YOUJIAN_SECRET_KEY or the data folder (loadSecretKey) */
  secretBox?: SecretBox;
  workerId?: string;
  /**
   * ms between two looks at INBOX where there is no IDLE, for every account; default: each
   * account's provider preset (10 s at NetEase, else 60 s — poll-interval.ts)
   */
  pollIntervalMs?: number;
  /** every folder, not just INBOX; default 5 min */
  folderIntervalMs?: number;
  /** periodic flag resync where there is no CONDSTORE; default 15 min (strategy.ts) */
  fullResyncIntervalMs?: number;
  leaseTtlMs?: number;
  leaseRenewMs?: number;
  maxAccounts?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

export interface Worker {
  workerId: string;
  /** accounts this worker owns right now */
  ownedAccounts(): string[];
  stop(): Promise<void>;
}

/**
 * The worker: owns accounts through leases in Postgres (claimed/renewed every 5 s,
 * 20 s expiry, so a dead worker's accounts move within 25 s; every write transaction
 * asserts the lease, so a paused worker cannot write after losing it — see leases.ts,
 * lease-fence.ts),
 * runs one AccountRunner per owned account, and LISTENs on youjian_work to act at once
 * on new pending ops, outgoing mail and newly linked accounts.
 */
export async function startWorker(options: StartWorkerOptions): Promise<Worker> {
  const workerId =
    options.workerId ?? `${os.hostname()}-${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
  const log =
    options.log ?? ((message, fields) => console.error(`[worker] ${message}`, fields ?? ''));
  const ttlMs = options.leaseTtlMs ?? LEASE_TTL_MS;
  const secretBox = options.secretBox ?? createSecretBox(loadSecretKey());
  const db = createDb(options.databaseUrl);
  const runners = new Map<string, AccountRunner>();
  let stopped = false;
  let leaseValidUntil = 0;
  let ticking: Promise<void> = Promise.resolve();

  const startRunner = (accountId: string) => {
    const runner = new AccountRunner({
      db,
      accountId,
      workerId,
      secretBox,
      pollIntervalMs: options.pollIntervalMs,
      folderIntervalMs: options.folderIntervalMs ?? 5 * 60_000,
      fullResyncIntervalMs: options.fullResyncIntervalMs,
      log,
    });
    runners.set(accountId, runner);
    // a runner that ends by itself (lease lost, account removed) is forgotten, so the
    // next lease tick starts a fresh one if the account is (again) this worker's
    void runner.start().then(() => {
      if (runners.get(accountId) === runner) runners.delete(accountId);
    });
  };

  const stopRunner = async (accountId: string) => {
    const runner = runners.get(accountId);
    runners.delete(accountId);
    await runner?.stop();
  };

  const leaseTick = async () => {
    if (stopped) return;
    const renewedAt = Date.now();
    try {
      const owned = new Set(
        await claimLeases(db, workerId, { ttlMs, maxAccounts: options.maxAccounts }),
      );
      leaseValidUntil = renewedAt + ttlMs;
      for (const id of [...runners.keys()]) if (!owned.has(id)) await stopRunner(id);
      for (const id of owned) if (!runners.has(id) && !stopped) startRunner(id);
    } catch (error) {
      log('lease renewal failed', { error: String(error) });
      // without a renewed lease another worker may take over: stop before it can
      if (Date.now() >= leaseValidUntil - LEASE_RENEW_MS) {
        await Promise.all([...runners.keys()].map(stopRunner));
      }
    }
  };
  const tick = () => {
    ticking = ticking.then(leaseTick);
    return ticking;
  };

  await tick();
  const timer = setInterval(() => void tick(), options.leaseRenewMs ?? LEASE_RENEW_MS);

  const listener = await db.$client.connect();
  listener.on('notification', (note) => {
    if (note.channel !== WORK_CHANNEL || !note.payload) return;
    const runner = runners.get(note.payload);
    if (runner) runner.wake();
    else void tick();
  });
  listener.on('error', (error) => log('work listener failed', { error: String(error) }));
  await listener.query(`listen ${WORK_CHANNEL}`);

  return {
    workerId,
    ownedAccounts: () => [...runners.keys()],
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await ticking;
      await Promise.all([...runners.keys()].map(stopRunner));
      await listener.query(`unlisten ${WORK_CHANNEL}`).catch(() => undefined);
      listener.release();
      await releaseLeases(db, workerId).catch(() => undefined);
      await closeDb(db);
    },
  };
}
