import { z } from 'zod';

/** The only place the worker reads the environment. */
const workerEnvSchema = z.object({
  /** passed by the start script, which also runs the migrations */
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required (the start script passes it)'),
  /**
   * ms between two looks at INBOX on servers without IDLE (NetEase), for every account;
   * unset: each provider preset's own interval (10 s at NetEase, else 60 s)
   */
  YOUJIAN_POLL_INTERVAL_MS: z.coerce.number().int().min(100).optional(),
  /** how often every folder (not only INBOX) is synced */
  YOUJIAN_FOLDER_SYNC_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(5 * 60_000),
  /** the periodic flag resync of folders on servers without CONDSTORE; default 15 min */
  YOUJIAN_FLAG_RESYNC_INTERVAL_MS: z.coerce.number().int().min(1_000).optional(),
  /**
   * a stable name for this worker's leases (e.g. a StatefulSet pod name), so a restarted
   * process resumes its accounts at once instead of after the lease expiry; never give two
   * live processes the same id. Default: host + pid + random.
   */
  YOUJIAN_WORKER_ID: z.string().min(1).optional(),
});

export interface WorkerEnv {
  databaseUrl: string;
  /** undefined: the provider presets decide */
  pollIntervalMs: number | undefined;
  folderIntervalMs: number;
  fullResyncIntervalMs: number | undefined;
  workerId: string | undefined;
}

export function readWorkerEnv(env: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const parsed = workerEnvSchema.parse({
    ...env,
    // an empty variable means "not set", as in a shell's VAR= prefix
    YOUJIAN_POLL_INTERVAL_MS: env.YOUJIAN_POLL_INTERVAL_MS || undefined,
    YOUJIAN_FOLDER_SYNC_INTERVAL_MS: env.YOUJIAN_FOLDER_SYNC_INTERVAL_MS || undefined,
    YOUJIAN_FLAG_RESYNC_INTERVAL_MS: env.YOUJIAN_FLAG_RESYNC_INTERVAL_MS || undefined,
    YOUJIAN_WORKER_ID: env.YOUJIAN_WORKER_ID || undefined,
  });
  return {
    databaseUrl: parsed.DATABASE_URL,
    pollIntervalMs: parsed.YOUJIAN_POLL_INTERVAL_MS,
    folderIntervalMs: parsed.YOUJIAN_FOLDER_SYNC_INTERVAL_MS,
    fullResyncIntervalMs: parsed.YOUJIAN_FLAG_RESYNC_INTERVAL_MS,
    workerId: parsed.YOUJIAN_WORKER_ID,
  };
}
