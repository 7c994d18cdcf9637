import { defineConfig } from 'vitest/config';

// graphql ships both CJS and ESM. Node loads the CJS build for Pothos and yoga, while Vite
// would resolve test files to the ESM build: two realms, and "Cannot use GraphQLSchema from
// another module or realm". Pinning the alias keeps one copy. Exact match only: sub-paths such
// as graphql/language/parser (used by graphql-armor) must resolve as they are.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
