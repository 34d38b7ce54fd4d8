import type { CodegenConfig } from '@graphql-codegen/cli';

// The server emits its schema when it boots; that file is the source of truth.
// CODEGEN_SCHEMA overrides it (e.g. a draft contract while the server is being written).
const schema = process.env.CODEGEN_SCHEMA?.split(',') ?? '../server/schema.gql';

const config: CodegenConfig = {
  schema,
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/api/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        // Calendar days travel as 'YYYY-MM-DD' strings; JSON is parsed by its consumer (e.g. zod).
        // Upload: a browser File, sent by urql as a GraphQL multipart request.
        scalars: { LocalDate: 'string', DateTime: 'string', JSON: 'unknown', Upload: 'File' },
        enumType: 'string-literal',
      },
    },
  },
};

export default config;
