import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for the playground's one query, generated from the checked-in SDL (built by
// @visiongraph/schema). `documentMode: 'string'` keeps graphql's parser out of the main bundle:
// the document is sent as the string it was written as.
const config: CodegenConfig = {
  schema: '../../packages/schema/schema.graphql',
  documents: ['src/**/*.ts', 'src/**/*.tsx', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        emitLegacyCommonJSImports: false,
        enumsAsTypes: true,
        scalars: { URL: 'string', File: 'File' },
      },
    },
  },
};

export default config;
