import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { StartupError } from './startup-error';

/** The embedded server's usual port, and how far past it a free one is looked for. */
export const EMBEDDED_PORT = 54329;
const PORTS_TRIED = 100;

/**
 * The order in which ports are tried: the one this data folder used last (so its
 * DATABASE_URL stays the same from one start to the next), then 54329 and the ports
 * just above it. Pure.
 */
export function candidatePorts(remembered: number | undefined): number[] {
  const range = Array.from({ length: PORTS_TRIED }, (_, index) => EMBEDDED_PORT + index);
  return remembered === undefined
    ? range
    : [remembered, ...range.filter((port) => port !== remembered)];
}

/**
 * Picks the embedded server's TCP port for the cluster of `dataDir`: the first free one
 * of `candidatePorts`, remembered in `<dataDir>/pg.port` when it is not 54329.
 * `log` is told when the usual port is taken by another program (the demo's own cluster,
 * a second checkout, anything). Throws a StartupError when none is free.
 */
export async function chooseEmbeddedPort(
  dataDir: string,
  log: (line: string) => void,
): Promise<number> {
  const file = path.join(dataDir, 'pg.port');
  const remembered = readRemembered(file);
  const candidates = candidatePorts(remembered);
  for (const port of candidates) {
    if (!(await isFree(port))) continue;
    const usual = candidates[0] ?? EMBEDDED_PORT;
    if (port !== usual) {
      log(`port ${usual} is in use by another program; the embedded Postgres takes ${port}`);
    }
    if (port !== remembered && (remembered !== undefined || port !== EMBEDDED_PORT)) {
      fs.writeFileSync(file, `${port}\n`);
    }
    return port;
  }
  throw new StartupError(
    `ports ${EMBEDDED_PORT}–${EMBEDDED_PORT + PORTS_TRIED - 1} are all in use, so the embedded Postgres has none — free one, or set DATABASE_URL to a Postgres of your own`,
  );
}

function readRemembered(file: string): number | undefined {
  const port = Number.parseInt(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', 10);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
}

/**
 * Whether a TCP server could listen on `host`:`port` now. The embedded server listens on
 * 127.0.0.1 (a program on 0.0.0.0 or :: holds that too); without `host`, on every
 * address, as `next start` does.
 */
export function isFree(port: number, host: string | undefined = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}
