import { type Database, listenMailEvents, type MailEvent } from '@youjian/db';

export interface MailEventHub {
  /** The events of one user, until the signal aborts. */
  stream(userId: string, signal?: AbortSignal): AsyncGenerator<MailEvent>;
  close(): Promise<void>;
}

type Listener = (event: MailEvent) => void;

/**
 * One LISTEN connection per web process, fanned out to every open subscription, so a
 * hundred browser tabs cost one Postgres connection rather than a hundred.
 */
export function createMailEventHub(db: Database): MailEventHub {
  const listeners = new Set<{ userId: string; listener: Listener }>();
  let listening: Promise<() => Promise<void>> | null = null;

  const deliver = (event: MailEvent) => {
    for (const entry of listeners) if (entry.userId === event.userId) entry.listener(event);
  };

  const ensureListening = () => {
    listening ??= listenMailEvents(async () => {
      const client = await db.$client.connect();
      // A dropped connection must not crash the process; the next subscriber reconnects.
      client.on('error', () => {
        listening = null;
        client.release(true);
      });
      return client;
    }, deliver).catch((error: unknown) => {
      listening = null;
      throw error;
    });
    return listening;
  };

  async function* stream(userId: string, signal?: AbortSignal): AsyncGenerator<MailEvent> {
    const queue: MailEvent[] = [];
    let wake: (() => void) | null = null;
    const entry = {
      userId,
      listener: (event: MailEvent) => {
        queue.push(event);
        wake?.();
      },
    };
    const onAbort = () => wake?.();
    listeners.add(entry);
    signal?.addEventListener('abort', onAbort);
    try {
      await ensureListening();
      while (!signal?.aborted) {
        const event = queue.shift();
        if (event) {
          yield event;
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
      }
    } finally {
      listeners.delete(entry);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  return {
    stream,
    async close() {
      const current = listening;
      listening = null;
      listeners.clear();
      if (current) await (await current)();
    },
  };
}
