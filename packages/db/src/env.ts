import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The only place the db package reads the environment. */
export interface DbEnv {
  /** unset: the embedded Postgres under the data folder is used */
  databaseUrl: string | undefined;
  /** where local state lives (embedded Postgres data, generated keys) */
  dataDir: string;
  /** base64 of 32 bytes; unset: generated into the data folder */
  secretKey: string | undefined;
  /** YOUJIAN_SECRET_KEY_PREVIOUS: comma-separated base64 keys that still open old secrets */
  previousSecretKeys?: string | undefined;
}

export function readDbEnv(env: NodeJS.ProcessEnv = process.env): DbEnv {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.YOUJIAN_DATA_DIR
      ? path.resolve(env.YOUJIAN_DATA_DIR)
      : path.join(findRepoRoot(), '.data'),
    secretKey: env.YOUJIAN_SECRET_KEY || undefined,
    previousSecretKeys: env.YOUJIAN_SECRET_KEY_PREVIOUS || undefined,
  };
}

function findRepoRoot(): string {
  // packages/db/src → repository root, whichever workspace the process started in
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
}
