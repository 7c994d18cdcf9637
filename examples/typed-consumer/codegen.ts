import type { CodegenConfig } from '@graphql-codegen/cli';

// The schema: the SDL the repository checks in, or a running gateway's introspection
// (SCHEMA=http://127.0.0.1:4000/graphql pnpm generate).
const config: CodegenConfig = {
  schema: process.env.SCHEMA ?? '../../packages/schema/schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents as strings with their types attached: no graphql-js needed at run time.
        documentMode: 'string',
        useTypeImports: true,
        // NodeNext resolution wants explicit `.js` extensions in the generated imports.
        emitLegacyCommonJSImports: false,
        enumsAsTypes: true,
        // The schema's custom scalars: URLs travel as strings, uploads as WHATWG Files.
        scalars: { URL: 'string', File: 'File' },
      },
    },
  },
};

export default config;
