/** The only reader of process.env and argv in the bench workspace. */
export interface BenchEnv {
  /** --quick: CI-sized runs (5,000 messages, 50 accounts) */
  quick: boolean;
  /** --groups=a,b: run just these benchmark groups (for development) */
  only: string[] | null;
  /** server the fresh databases are created on (the test Postgres by default) */
  postgresUrl: string;
  /** CA of the local providers as this process was started with (Node reads it at start-up) */
  extraCaCerts: string | undefined;
  chromiumPath: string;
}

export function readBenchEnv(argv = process.argv.slice(2), env = process.env): BenchEnv {
  // flags reach this process as arguments (the root script ends with `--`); npm_config_*
  // covers `npm run bench -w bench --quick`, where npm takes them as its own config
  const only =
    argv.find((arg) => arg.startsWith('--groups='))?.slice('--groups='.length) ??
    env.npm_config_groups;
  return {
    quick: argv.includes('--quick') || env.npm_config_quick === 'true',
    only: only ? only.split(',').filter(Boolean) : null,
    postgresUrl: env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    extraCaCerts: env.NODE_EXTRA_CA_CERTS,
    chromiumPath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  };
}

/**
 * Environment the product code reads (packages/mail's YOUJIAN_PROVIDER_ENDPOINTS, the db
 * package's DATABASE_URL / YOUJIAN_DATA_DIR when starting the product): set for this process.
 */
export function exportToProcess(vars: Record<string, string>): void {
  Object.assign(process.env, vars);
}

/** Everything this process runs with plus `vars`, for child processes. */
export function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...vars };
}
