import fs from 'node:fs';
import path from 'node:path';
import { readDbEnv } from '@youjian/db';
import { oneLine, StartupError } from '@youjian/db/embedded';

/**
 * Ends a failed `npm start` or `npm run demo`: one line on stderr saying what is wrong
 * and what to do, then exit code 1. An unforeseen failure (not a StartupError) also
 * leaves its stack trace in `<data folder>/start-error.log` for whoever reports it.
 */
export function exitOnStartupFailure(error: unknown): never {
  console.error(`Youjian could not start: ${oneLine(error)}${traceNote(error)}`);
  process.exit(1);
}

function traceNote(error: unknown): string {
  if (error instanceof StartupError) return '';
  try {
    const file = path.join(readDbEnv().dataDir, 'start-error.log');
    const trace = error instanceof Error ? (error.stack ?? error.message) : String(error);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${new Date().toISOString()}\n${trace}\n`);
    return ` (details in ${file})`;
  } catch {
    return '';
  }
}
