import type { SecretBox } from '@youjian/db';
import type { BenchEnv } from './env';

/** What every benchmark group receives from run.ts. */
export interface BenchContext {
  env: BenchEnv;
  /** admin URL of the Postgres server the fresh databases go on */
  postgresUrl: string;
  secretBox: SecretBox;
  /** the key of secretBox, for worker processes that must open the same sealed secrets */
  secretKey: Buffer;
  mbsync: string;
  log: (line: string) => void;
}
