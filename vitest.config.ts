import { defineConfig } from 'vitest/config';

// One run for the whole monorepo: `unit` tests pure logic, `integration` talks to the
// real Postgres and the local Dovecot/Postfix providers (tooling/mailstack).
const exclude = ['**/node_modules/**', '**/.next/**', 'e2e/**', 'bench/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{apps,packages,tooling}/*/src/**/*.test.ts', 'tooling/src/**/*.test.ts'],
          exclude: [...exclude, '**/*.integration.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: [
            '{apps,packages,tooling}/*/src/**/*.integration.test.ts',
            'tooling/src/**/*.integration.test.ts',
          ],
          exclude,
          globalSetup: ['tooling/src/vitest-integration-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Tests share one mail stack; files run one after another so that
          // mailbox state and timings stay predictable on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
