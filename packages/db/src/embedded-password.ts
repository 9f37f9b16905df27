import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type ClusterOptions, startCluster } from './embedded-server';
import { StartupError } from './startup-error';

/**
 * The password every embedded cluster had before it was generated per data folder.
 * Such a cluster is recognised by having no password file, and is moved off it at start.
 */
export const LEGACY_PASSWORD = 'postgres';

/** What is on disk for the password, as read by `readPasswordFacts`. */
export interface PasswordFacts {
  /** the cluster holds data already (PG_VERSION) */
  clusterExists: boolean;
  /** `<dataDir>/pg.password` holds the role's password */
  passwordSaved: boolean;
}

export type PasswordStep =
  | { type: 'use'; reason: string }
  | { type: 'initialise'; reason: string }
  | { type: 'replace-legacy'; reason: string };

/**
 * Decides how the embedded role gets its password (OWASP ASVS 4 §2.10.4 and §6.4.1: no
 * default or fixed credentials; secrets generated per installation). Pure.
 * - a saved password with its cluster: use it;
 * - no cluster: initdb with the saved password, or a new one saved first;
 * - a cluster without a saved password: made by an earlier version with the fixed
 *   `postgres` password, which is replaced over a private socket before serving.
 */
export function decidePasswordStep(facts: PasswordFacts): PasswordStep {
  if (!facts.clusterExists) {
    return { type: 'initialise', reason: 'no cluster yet: initdb with the generated password' };
  }
  if (facts.passwordSaved) return { type: 'use', reason: 'the cluster and its password are saved' };
  return {
    type: 'replace-legacy',
    reason: 'a cluster without a password file was made with the fixed password',
  };
}

export const passwordFile = (dataDir: string) => path.join(dataDir, 'pg.password');
const pendingFile = (dataDir: string) => path.join(dataDir, 'pg.password.pending');

export function readPasswordFacts(dataDir: string, databaseDir: string): PasswordFacts {
  return {
    clusterExists: fs.existsSync(path.join(databaseDir, 'PG_VERSION')),
    passwordSaved: fs.existsSync(passwordFile(dataDir)),
  };
}

/**
 * The password of the embedded role for the data folder `dataDir`, carrying out
 * `decidePasswordStep`: read from `<dataDir>/pg.password` (0600, owned by whoever runs
 * `npm start`), or generated there (24 random bytes, base64url, so it sits in a URL
 * unescaped). For a legacy cluster the new password is first written to
 * `pg.password.pending`, then set with ALTER ROLE, then renamed to `pg.password`, so a
 * start killed half-way can always finish on the next start.
 * `cluster` is the cluster to start for the change (its `password` is not read).
 */
export async function embeddedPassword(
  dataDir: string,
  cluster: Omit<ClusterOptions, 'password'>,
  port: number,
): Promise<string> {
  const step = decidePasswordStep(readPasswordFacts(dataDir, cluster.databaseDir));
  if (step.type === 'use') return fs.readFileSync(passwordFile(dataDir), 'utf8').trim();
  if (step.type === 'initialise') return savedOrNew(passwordFile(dataDir));
  const password = savedOrNew(pendingFile(dataDir));
  await replaceLegacyPassword(dataDir, cluster, port, password);
  fs.renameSync(pendingFile(dataDir), passwordFile(dataDir));
  return password;
}

function savedOrNew(file: string): string {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fresh = crypto.randomBytes(24).toString('base64url');
    fs.writeFileSync(file, `${fresh}\n`, { mode: 0o600, flag: 'wx' });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * Starts the legacy cluster listening on no TCP address at all, only on a Unix socket in
 * a fresh 0700 folder, so nothing else can log in with the old password meanwhile; sets
 * `password` on the role (accepting that an earlier half-finished start set it already)
 * and stops the server again.
 */
async function replaceLegacyPassword(
  dataDir: string,
  cluster: Omit<ClusterOptions, 'password'>,
  port: number,
  password: string,
): Promise<void> {
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'youjian-pg-'));
  fs.chmodSync(socketDir, 0o700);
  if (cluster.runAs) fs.chownSync(socketDir, cluster.runAs.uid, cluster.runAs.gid);
  const server = await startCluster({ ...cluster, password }, port, { socketDir });
  try {
    const client = await connectWithEither(socketDir, port, cluster.user, [
      LEGACY_PASSWORD,
      password,
    ]);
    if (!client) {
      throw new StartupError(
        `the embedded database in ${cluster.databaseDir} accepts neither its old password nor the one in ${pendingFile(dataDir)} — restore the password file, or set DATABASE_URL`,
      );
    }
    try {
      await client.query(
        `alter role ${client.escapeIdentifier(cluster.user)} password ${client.escapeLiteral(password)}`,
      );
    } finally {
      await client.end();
    }
  } finally {
    await server.stop();
    fs.rmSync(socketDir, { recursive: true, force: true });
  }
}

async function connectWithEither(
  socketDir: string,
  port: number,
  user: string,
  passwords: string[],
): Promise<pg.Client | undefined> {
  for (const password of passwords) {
    const client = new pg.Client({ host: socketDir, port, user, password, database: 'postgres' });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      // 28P01 invalid_password: try the next one; anything else is a real failure
      if ((error as { code?: string }).code !== '28P01') throw error;
    }
  }
  return undefined;
}
