import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the gateway's own example client, from the schema package's checked-in SDL.
const config: CodegenConfig = {
  schema: '../../packages/schema/schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        // NodeNext needs explicit .js extensions in the generated imports.
        emitLegacyCommonJSImports: false,
        enumsAsTypes: true,
        scalars: { URL: 'string', File: 'File' },
      },
    },
  },
};

export default config;
