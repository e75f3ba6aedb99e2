import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          setupFiles: ['fake-indexeddb/auto'],
          // The property tests run 150 generated cases each: seconds on a busy 2-core machine (their slowest single
          // case is ~1 s under load), more than vitest's default 5 s.
          testTimeout: 30_000,
          // Letters and days are written in local time: one zone, so snapshots read the same on every machine.
          env: { TZ: 'UTC' },
        },
        esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // Real Firefox ESR with the Firefox build: `npm test` runs it on its own, after the Chromium end-to-end tests.
        test: {
          name: 'firefox',
          include: ['tests/firefox/**/*.firefox.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
