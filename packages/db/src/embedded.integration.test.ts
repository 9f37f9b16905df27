import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveDatabaseUrl } from './embedded';

const EMBEDDED_PORT = 54329;
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Holds `port` with a plain TCP server, as any other program could; taken already is fine. */
async function holdPort(port: number): Promise<void> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? resolve() : reject(error),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  cleanups.push(() => new Promise<void>((done) => server.close(() => done())));
}

function dataFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'youjian-embedded-'));
  // reachable by any user, so that only the port is in the way
  fs.chmodSync(dir, 0o755);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function query(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ db: string }>('select current_database() as db');
    return result.rows[0]?.db ?? '';
  } finally {
    await client.end();
  }
}

describe('the embedded Postgres', () => {
  it('starts on another free port when 54329 is held by another program, and keeps it', async () => {
    await holdPort(EMBEDDED_PORT);
    const dataDir = dataFolder();
    const env = { databaseUrl: undefined, dataDir, secretKey: undefined };

    const first = await resolveDatabaseUrl(env);
    cleanups.push(() => first.stop());
    expect(new URL(first.url).port).not.toBe(String(EMBEDDED_PORT));
    expect(await query(first.url)).toBe('youjian');
    await first.stop();

    const again = await resolveDatabaseUrl(env);
    cleanups.push(() => again.stop());
    expect(again.url).toBe(first.url);
    expect(await query(again.url)).toBe('youjian');
  });

  it('refuses a second start of the same data folder in one line that says what to do', async () => {
    const dataDir = dataFolder();
    const env = { databaseUrl: undefined, dataDir, secretKey: undefined };
    const running = await resolveDatabaseUrl(env);
    cleanups.push(() => running.stop());

    const refusal = await resolveDatabaseUrl(env).then(
      (second) => second.stop().then(() => 'started twice'),
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );

    expect(refusal).toMatch(/already running .*stop it/);
    expect(refusal).not.toContain('\n');
  });
});
