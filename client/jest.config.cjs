// Client unit tests: pure logic of composables and helpers (views are covered by the browser tests).
const path = require('node:path');

module.exports = {
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  testEnvironment: 'node',
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@schulverwaltung/shared$': path.join(__dirname, '../shared/src/index.ts'),
  },
};
