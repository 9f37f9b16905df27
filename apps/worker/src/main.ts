/**
 * The worker process: owns IMAP/SMTP sessions and runs the sync engine. The start script
 * has already resolved DATABASE_URL (embedded Postgres or not) and applied migrations.
 */
import { loadSecretBox } from '@youjian/db';
import { startWorker } from '@youjian/sync';
import { readWorkerEnv } from './env';

const env = readWorkerEnv();
const worker = await startWorker({
  databaseUrl: env.databaseUrl,
  secretBox: loadSecretBox(),
  pollIntervalMs: env.pollIntervalMs,
  folderIntervalMs: env.folderIntervalMs,
  fullResyncIntervalMs: env.fullResyncIntervalMs,
  workerId: env.workerId,
});
const poll = env.pollIntervalMs === undefined ? 'per provider preset' : `${env.pollIntervalMs} ms`;
console.info(`[worker] ${worker.workerId} started (INBOX poll without IDLE: ${poll})`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.info(`[worker] ${signal}: stopping`);
  await worker.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
