import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { rendererAlias } from '../build/vite.renderer';

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  // Tests import renderer modules (routes, catalogue) that use the renderer's path alias.
  resolve: { alias: rendererAlias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/harness/global-setup.ts'],
          // The core and the tests live on the same clock as the browser (Europe/Amsterdam), as on a
          // Dutch laptop; otherwise "today" differs between them for an hour or two around midnight.
          env: { TZ: 'Europe/Amsterdam' },
          pool: 'forks',
          // One browser per file; two cores, so at most two files at once.
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        // `npm run bench` only: generates large stores and times every screen load. Never part of `npm test`.
        test: {
          name: 'bench',
          include: ['test/bench/bench.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/harness/global-setup.ts'],
          pool: 'forks',
          testTimeout: 1_800_000,
          hookTimeout: 1_800_000,
        },
      },
      {
        extends: true,
        // `npm run demo-data` only: fills a store for a demo (see test/bench/demo-data.mjs).
        test: {
          name: 'demo',
          include: ['test/bench/demo-data.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 300_000,
        },
      },
    ],
  },
});
