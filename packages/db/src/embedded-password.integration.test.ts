import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { platformBinaries, resolveDatabaseUrl } from './embedded';
import { LEGACY_PASSWORD, passwordFile } from './embedded-password';
import {
  decideClusterPlace,
  postgresUser,
  prepareRelocated,
  reachableBinDir,
  readPlaceFacts,
} from './embedded-place';
import { chooseEmbeddedPort } from './embedded-port';
import { initCluster, startCluster } from './embedded-server';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function dataFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'youjian-pg-password-'));
  // reachable by the postgres user when the tests run as root (CI)
  fs.chmodSync(dir, 0o755);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Logs in with `url`; the Postgres error code when refused ('28P01' for a bad password). */
async function logIn(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  try {
    const result = await client.query<{ note: string }>('select note from kept');
    return result.rows[0]?.note ?? 'no row';
  } finally {
    await client.end();
  }
}

/**
 * A data folder as the version before this one left it: the cluster initialised and
 * served with the fixed password `postgres`, the `youjian` database holding a row, no
 * password file.
 */
async function oldStyleDataFolder(): Promise<{
  dataDir: string;
  oldUrl: (port: string) => string;
}> {
  const dataDir = dataFolder();
  const runAs = postgresUser();
  const place = decideClusterPlace(readPlaceFacts(dataDir, runAs));
  prepareRelocated(place, dataDir);
  if (place.kind === 'relocated') {
    cleanups.push(() => fs.rmSync(path.dirname(place.databaseDir), { recursive: true }));
  }
  const binaries = await platformBinaries();
  const cluster = {
    binDir: reachableBinDir(binaries.binDir, binaries.version, runAs),
    databaseDir: place.databaseDir,
    user: 'postgres',
    password: LEGACY_PASSWORD,
    runAs,
  };
  await initCluster(cluster);
  const port = await chooseEmbeddedPort(dataDir, () => {});
  const server = await startCluster(cluster, port);
  const oldUrl = (at: string) => `postgres://postgres:${LEGACY_PASSWORD}@127.0.0.1:${at}/youjian`;
  try {
    const admin = new pg.Client({
      connectionString: oldUrl(String(port)).replace(/youjian$/, 'postgres'),
    });
    await admin.connect();
    await admin.query('create database youjian');
    await admin.end();
    const client = new pg.Client({ connectionString: oldUrl(String(port)) });
    await client.connect();
    await client.query(`create table kept (note text); insert into kept values ('mail of before')`);
    await client.end();
  } finally {
    await server.stop();
  }
  return { dataDir, oldUrl };
}

describe('the embedded Postgres password', () => {
  it('moves a cluster made with the fixed password onto a generated one before serving', async () => {
    const { dataDir, oldUrl } = await oldStyleDataFolder();
    expect(fs.existsSync(passwordFile(dataDir))).toBe(false);

    const env = { databaseUrl: undefined, dataDir, secretKey: undefined };
    const database = await resolveDatabaseUrl(env);
    cleanups.push(() => database.stop());
    const url = new URL(database.url);

    expect(url.password).not.toBe(LEGACY_PASSWORD);
    expect(url.password.length).toBeGreaterThanOrEqual(32);
    expect(await logIn(database.url)).toBe('mail of before');
    expect(await logIn(oldUrl(url.port))).toBe('28P01');
    const saved = fs.statSync(passwordFile(dataDir));
    expect(saved.mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(passwordFile(dataDir), 'utf8').trim()).toBe(url.password);

    await database.stop();
    const again = await resolveDatabaseUrl(env);
    cleanups.push(() => again.stop());
    expect(again.url).toBe(database.url);
    expect(await logIn(again.url)).toBe('mail of before');
  });

  it('gives a new data folder a random password of its own, never the old fixed one', async () => {
    const dataDir = dataFolder();
    const database = await resolveDatabaseUrl({
      databaseUrl: undefined,
      dataDir,
      secretKey: undefined,
    });
    cleanups.push(() => database.stop());
    const url = new URL(database.url);

    expect(url.password).toMatch(/^[\w-]{32}$/);
    expect(fs.statSync(passwordFile(dataDir)).mode & 0o777).toBe(0o600);
    const old = `postgres://postgres:${LEGACY_PASSWORD}@127.0.0.1:${url.port}/youjian`;
    expect(await logIn(old)).toBe('28P01');
  });
});
