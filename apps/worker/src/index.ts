/** The worker app's face: its environment reader (main.ts is the process entry). */
export { readWorkerEnv, type WorkerEnv } from './env';
