/**
 * A worker process for the memory benchmark: the product's startWorker, driven over IPC
 * so the parent can ask for memory figures after a full garbage collection
 * (run with --expose-gc) and for its CPU time. Configuration arrives in the 'start' message, not the environment.
 */
import { createSecretBox } from '@youjian/db';
import { startWorker, type Worker } from '@youjian/sync';

export type WorkerRequest =
  | { type: 'start'; databaseUrl: string; secretKey: string }
  | { type: 'measure' }
  | { type: 'cpu' }
  | { type: 'stop' };

export type WorkerReply =
  | { type: 'started' }
  | { type: 'memory'; rss: number; heapUsed: number; external: number; arrayBuffers: number }
  /** process.cpuUsage(): user + system CPU time since the process started, µs */
  | { type: 'cpu'; user: number; system: number }
  | { type: 'stopped' };

const gc = (globalThis as { gc?: () => void }).gc;
let worker: Worker | undefined;

const reply = (message: WorkerReply) => process.send?.(message);

process.on('message', (request: WorkerRequest) => {
  void (async () => {
    if (request.type === 'start') {
      worker = await startWorker({
        databaseUrl: request.databaseUrl,
        secretBox: createSecretBox(Buffer.from(request.secretKey, 'base64')),
        log: () => undefined,
      });
      reply({ type: 'started' });
    } else if (request.type === 'cpu') {
      reply({ type: 'cpu', ...process.cpuUsage() });
    } else if (request.type === 'measure') {
      gc?.();
      gc?.();
      const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
      reply({ type: 'memory', rss, heapUsed, external, arrayBuffers });
    } else {
      await worker?.stop();
      reply({ type: 'stopped' });
      process.exit(0);
    }
  })();
});
