import { ensureMailstack, providerEnv } from '@youjian/mailstack';

/**
 * Vitest global setup of the integration project: the local providers are up before any
 * test file runs, and the test processes trust their certificate. Node reads
 * NODE_EXTRA_CA_CERTS only when a process starts, so it is set here, in the parent,
 * before Vitest forks its workers.
 */
export default async function setup(): Promise<void> {
  await ensureMailstack();
  Object.assign(process.env, providerEnv());
}
