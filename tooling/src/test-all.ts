import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './product';

/**
 * `npm test`: installs what the suites need (Debian packages, the local mail providers),
 * runs the unit + integration suites (Vitest) and the browser suite (Playwright), and
 * ends with one line summing them all.
 */
interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
}

const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'youjian-test-'));

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const result = spawnSync(command, args, {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

function prepare(): void {
  if (run('bash', ['tooling/install-system-deps.sh']) !== 0)
    throw new Error('could not install Debian packages');
  if (run('bash', ['tooling/mailstack/start.sh']) !== 0)
    throw new Error('could not start the local mail providers');
}

function vitest(): SuiteResult {
  const outputFile = path.join(reportDir, 'vitest.json');
  run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${outputFile}`,
  ]);
  if (!fs.existsSync(outputFile)) return { name: 'vitest', passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
  const failedFiles = (
    report.testResults as { status: string; assertionResults: unknown[] }[]
  ).filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  return {
    name: 'vitest (unit + integration)',
    passed: report.numPassedTests,
    // a file that fails to load has no tests to count: count it as one failure
    failed: report.numFailedTests + failedFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwright(): SuiteResult {
  const outputFile = path.join(reportDir, 'playwright.json');
  run(
    'npx',
    ['playwright', 'test', '--config', 'e2e/playwright.config.ts', '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: outputFile,
    },
  );
  if (!fs.existsSync(outputFile)) return { name: 'playwright', passed: 0, failed: 1, skipped: 0 };
  const { stats, errors } = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
  return {
    name: 'playwright (e2e)',
    passed: stats.expected,
    // errors: failures outside a test (globalTeardown's secrets check, a server that
    // would not start); a run with no test at all is a failure too
    failed:
      stats.unexpected +
      stats.flaky +
      errors.length +
      (stats.expected + stats.unexpected === 0 && errors.length === 0 ? 1 : 0),
    skipped: stats.skipped,
  };
}

prepare();
const suites = [vitest(), playwright()];
console.log('');
for (const suite of suites) {
  console.log(
    `${suite.name}: ${suite.passed} passed, ${suite.failed} failed, ${suite.skipped} skipped`,
  );
}
const passed = suites.reduce((sum, suite) => sum + suite.passed, 0);
const failed = suites.reduce((sum, suite) => sum + suite.failed, 0);
const skipped = suites.reduce((sum, suite) => sum + suite.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
