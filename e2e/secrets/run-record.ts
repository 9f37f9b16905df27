/**
 * Where one e2e run keeps what the secrets check reads: Chromium's NetLogs and the
 * product's stdout/stderr. The folder is made once, by the Playwright runner loading its
 * config, and handed to its workers and to the product (e2e/server.ts) through the
 * environment, which both inherit from the runner.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RECORD_DIR = 'YOUJIAN_E2E_RECORD_DIR';

/** The run's record folder, made on first call in the runner; inherited afterwards. */
export function runRecordDir(): string {
  process.env[RECORD_DIR] ??= fs.mkdtempSync(path.join(os.tmpdir(), 'youjian-e2e-record-'));
  return process.env[RECORD_DIR];
}

/**
 * Chromium flags that write this process's browsers' network events, response bodies
 * included, to a NetLog in the record folder (one file per worker process).
 */
export function netLogArgs(): string[] {
  return [
    `--log-net-log=${path.join(runRecordDir(), `netlog-${process.pid}.json`)}`,
    '--net-log-capture-mode=Everything',
  ];
}

export const productLogFile = () => path.join(runRecordDir(), 'product.log');
export const dataDirFile = () => path.join(runRecordDir(), 'data-dir');

/**
 * Copies everything this process writes to stdout and stderr (the product's web and
 * worker output, which startProduct prefixes and forwards) into the run's product log,
 * and notes the product's data folder, whose generated secrets the check looks for too.
 * Does nothing outside a Playwright run.
 */
export function recordProductOutput(dataDir: string): void {
  // started by hand rather than by the Playwright runner: nothing to record for
  if (!process.env[RECORD_DIR]) return;
  fs.writeFileSync(dataDirFile(), dataDir);
  const log = fs.openSync(productLogFile(), 'a');
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      fs.writeSync(log, typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array));
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
}
