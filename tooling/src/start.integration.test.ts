import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './product';
import { makeScratchClone } from './scratch-clone';

/**
 * The first commands a person runs: `git clone … && npm ci && npm start`, wherever the
 * clone lands (a 0700 home, a path with spaces, as root or not), next to other programs
 * that hold the ports Youjian wants.
 */
const scratch: string[] = [];
const held: net.Server[] = [];

afterEach(async () => {
  await Promise.all(held.splice(0).map((server) => new Promise((done) => server.close(done))));
  for (const dir of scratch.splice(0)) {
    // as root the cluster lives outside the clone; `.data/pg` points at it
    const pointer = path.join(dir, 'my home', 'you jian', '.data', 'pg');
    if (fs.lstatSync(pointer, { throwIfNoEntry: false })?.isSymbolicLink()) {
      fs.rmSync(path.dirname(fs.readlinkSync(pointer)), { recursive: true, force: true });
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** The environment of a person's shell: no database or data folder chosen. */
function personEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  if (!extra.YOUJIAN_DATA_DIR) delete env.YOUJIAN_DATA_DIR;
  return env;
}

function run(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGINT'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function holdPort(port: number): Promise<number> {
  const server = net.createServer();
  held.push(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve((server.address() as net.AddressInfo).port));
  });
}

describe('npm start on a new machine', () => {
  it('starts its database from a fresh clone in a 0700 folder whose path has spaces', async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'youjian-first-run-'));
    scratch.push(base);
    const home = path.join(base, 'my home');
    fs.mkdirSync(home, { mode: 0o700 });
    const clone = path.join(home, 'you jian');
    makeScratchClone(clone);
    // the database part of `npm start`: the embedded server, then the migrations
    fs.writeFileSync(
      path.join(clone, 'first-run.ts'),
      `import { closeDb, createDb, sql } from '@youjian/db';
import { resolveDatabaseUrl } from '@youjian/db/embedded';
import { migrateDb } from '@youjian/db/migrate';
const database = await resolveDatabaseUrl();
const db = createDb(database.url, { max: 1 });
await migrateDb(db);
const rows = await db.execute(sql\`select count(*)::int as users from "user"\`);
await closeDb(db);
await database.stop();
console.log(JSON.stringify({ url: database.url, users: rows.rows[0]?.users }));
`,
    );

    const result = await run(['--import', 'tsx', 'first-run.ts'], clone, personEnv(), 50_000);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const outcome = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}');
    expect(outcome.users).toBe(0);
    // the role's password is generated into the data folder, never the fixed `postgres`
    expect(outcome.url).toMatch(/^postgres:\/\/postgres:[\w-]{32}@127\.0\.0\.1:\d+\/youjian$/);
  });

  it('names the web port that is taken and how to choose another, in one line', async () => {
    const port = await holdPort(0);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'youjian-web-port-'));
    scratch.push(dataDir);
    // reachable by any user, so that only the web port is in the way
    fs.chmodSync(dataDir, 0o755);

    const result = await run(
      ['--import', 'tsx', 'tooling/src/start.ts'],
      REPO_ROOT,
      personEnv({ PORT: String(port), YOUJIAN_DATA_DIR: dataDir }),
      40_000,
    );

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`port ${port} is in use`);
    expect(lines[0]).toMatch(/PORT=\d+ npm start/);
  });
});
