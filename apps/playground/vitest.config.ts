import { defineConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// The shared config, with two changes:
// - the graphql alias matches the bare specifier only: the e2e global setup loads the gateway
//   through Vite, and a prefix alias would also rewrite `graphql/language/parser` (armor).
// - two projects: fast unit tests of the request code, and browser e2e tests that share one
//   gateway (global setup) and start a Chromium per file, with room on a busy 2-core machine.
// Each project names its own files; the shared `include` would add src/ to the e2e project.
const { include: _sharedInclude, ...sharedTest } = shared.test ?? {};

export default defineConfig({
  ...shared,
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    ...sharedTest,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
