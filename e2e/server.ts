import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ensureMailstack, providerEnv } from '@youjian/mailstack';
import { startProduct } from '@youjian/tooling/product';
import pg from 'pg';
import { E2E_CONTROL_PORT } from './control';
import { recordProductOutput } from './secrets/run-record';

/**
 * The product as the browser tests see it: a database of its own on the test Postgres,
 * its own data folder, and the local providers standing in for QQ Mail and NetEase.
 */
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `youjian_e2e_${crypto.randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${name}`);
await admin.end();
const databaseUrl = new URL(serverUrl);
databaseUrl.pathname = `/${name}`;

await ensureMailstack();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'youjian-e2e-'));
process.env.DATABASE_URL = databaseUrl.toString();
process.env.YOUJIAN_DATA_DIR = dataDir;
recordProductOutput(dataDir);

const product = await startProduct({
  port: 3100,
  // NetEase has no IDLE: the worker polls; a short interval keeps the test quick. Every
  // test signs up a new person from 127.0.0.1, as an office behind one NAT address would.
  env: {
    ...providerEnv(),
    YOUJIAN_POLL_INTERVAL_MS: '2000',
    YOUJIAN_SIGN_UPS_PER_ADDRESS_PER_HOUR: '200',
  },
});

/**
 * The tests' handle on the running product, on loopback only: POST /restart-worker stops
 * the sync worker and starts a new one (drafts-undo-schedule e2e: a scheduled send
 * survives a worker restart).
 */
const control = http.createServer((request, response) => {
  if (request.method !== 'POST' || request.url !== '/restart-worker') {
    response.writeHead(404).end();
    return;
  }
  product.restartWorker().then(
    () => response.end('restarted'),
    (error: unknown) => response.writeHead(500).end(String(error)),
  );
});
control.listen(E2E_CONTROL_PORT, '127.0.0.1');

const shutdown = async () => {
  control.close();
  await product.stop();
  const again = new pg.Client({ connectionString: serverUrl });
  await again.connect();
  await again.query(`drop database if exists ${name} with (force)`);
  await again.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
