import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * The hostile HTML corpus rendered in Debian's Chromium without starting the product:
 * the sanitizer and the mail frame are the product's own code, the browser is real.
 */
export default defineConfig({
  ...base,
  testMatch: 'hostile-html.e2e.ts',
  webServer: undefined,
  // its own output folder: other engineers' browser runs clean the shared test-results
  outputDir: 'test-results/hostile-html',
  use: { ...base.use, trace: 'off' },
});
