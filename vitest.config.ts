import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          setupFiles: ['fake-indexeddb/auto'],
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
