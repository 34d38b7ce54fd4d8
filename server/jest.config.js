// Unit specs (*.spec.ts) and integration specs (*.int-spec.ts, GraphQL over HTTP against a real
// database: PostgreSQL when DATABASE_URL is set, else the embedded PGlite).
// NestJS 12 is ESM-only; Jest on Node 20 cannot load it, so @swc/jest also transforms it to CommonJS.
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];

module.exports = {
  rootDir: __dirname,
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testEnvironment: 'node',
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@apollo/server|@as-integrations|@faker-js|load-esm|uid|graphql-scalars|graphql-upload|fs-capacitor)/)'],
  moduleNameMapper: { '^@schulverwaltung/shared$': '<rootDir>/../shared/src/index.ts' },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60000,
  // Two workers on a two-core machine: each file spends most of its time loading the app and
  // waiting on its own database, so two files side by side finish well before two in a row.
  // A worker that has grown big (every file loads NestJS anew) is replaced rather than slowed by GC.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1536MB',
};
