import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** `npm run screenshots`: the pictures in docs/screenshots, taken from the running product. */
export default defineConfig({
  ...base,
  testMatch: '*.shot.ts',
});
