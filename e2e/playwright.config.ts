import { defineConfig } from '@playwright/test';
import { netLogArgs } from './secrets/run-record';

export const E2E_PORT = 3100;

// Debian's Chromium (`apt-get install chromium`): Playwright's own browser downloads
// are not reachable here. The background-networking flags keep it off the network.
export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  timeout: 180_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  globalTeardown: './secrets/check-secrets.ts',
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    // the interface language follows Accept-Language: specs name controls in English, and
    // the Chinese specs set locale: 'zh-CN' themselves (test.use)
    locale: 'en-US',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // every response body the browser receives, for the secrets check at the end
        ...netLogArgs(),
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `node_modules/.bin/tsx e2e/server.ts`,
    cwd: '..',
    port: E2E_PORT,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
