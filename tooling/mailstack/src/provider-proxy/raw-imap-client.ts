import { readFile } from 'node:fs/promises';
import tls from 'node:tls';

/**
 * A bare IMAPS client for tests that must see the exact lines a server sends (imapflow
 * interprets them). Good for short responses without literals; not for mail bodies.
 */
export interface RawImapClient {
  greeting: string;
  /** sends `<tag> <command>` and resolves with every line up to and including the tagged one */
  command(text: string): Promise<string[]>;
  close(): void;
}

export async function openRawImap(port: number, caFile: string): Promise<RawImapClient> {
  const ca = await readFile(caFile);
  const socket = tls.connect({ host: '127.0.0.1', port, ca, servername: 'localhost' });
  socket.setEncoding('latin1');
  let buffered = '';
  const lines: string[] = [];
  let waiter: (() => void) | null = null;
  socket.on('data', (data: string) => {
    buffered += data;
    let end = buffered.indexOf('\r\n');
    while (end !== -1) {
      lines.push(buffered.slice(0, end));
      buffered = buffered.slice(end + 2);
      end = buffered.indexOf('\r\n');
    }
    waiter?.();
  });
  const closed = new Promise<never>((_resolve, reject) => {
    socket.once('error', reject);
    socket.once('close', () => reject(new Error('connection closed')));
  });
  closed.catch(() => {});

  /** Waits until a line satisfies `done`, then takes every line up to it. */
  const takeUntil = async (done: (line: string) => boolean): Promise<string[]> => {
    for (;;) {
      const index = lines.findIndex(done);
      if (index !== -1) return lines.splice(0, index + 1);
      await Promise.race([new Promise<void>((resolve) => (waiter = resolve)), closed]);
    }
  };

  const [greeting = ''] = await takeUntil(() => true);
  let counter = 0;
  return {
    greeting,
    command: (text) => {
      counter += 1;
      const tag = `r${counter}`;
      socket.write(`${tag} ${text}\r\n`);
      return takeUntil((line) => line.startsWith(`${tag} `));
    },
    close: () => socket.destroy(),
  };
}
