// Browser tests: jest drives Debian's chromium through playwright-core against the real server
// (started once by global-setup on a fresh embedded database with the demo data).
const path = require('node:path');

module.exports = {
  rootDir: __dirname,
  testMatch: ['**/*.e2e.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  globalSetup: path.join(__dirname, 'support/global-setup.cjs'),
  globalTeardown: path.join(__dirname, 'support/global-teardown.cjs'),
  testTimeout: 60000,
  maxWorkers: 1,
};
