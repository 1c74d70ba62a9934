/**
 * Three projects: `unit` (pure rules, stores, the Electron host against a
 * stand-in `electron`), `integration` (services and API over real SQLite
 * files), `hq` (headquarters on a throwaway PostgreSQL cluster that
 * tests/hq/support/global-setup.ts starts and deletes) and `e2e` (the real renderer in Chromium through the web host; slow,
 * one file at a time). `npm test` runs them all via scripts/test-all.mjs.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'src-main/**/*.test.ts', 'src-renderer/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Real SQLite files with full sync: generous on a loaded 2-core machine (set-ups too: a
          // beforeEach settling 80 tickets took 10–14 s at load 16).
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'hq',
          include: ['tests/hq/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/hq/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A page on a loaded 2-core CI machine can take more than the default second to settle.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
