#!/usr/bin/env node
// `npm test`: every unit and integration test — shared, server (GraphQL over HTTP against a real
// database) and client units. Embedded PGlite by default; set DATABASE_URL to use PostgreSQL.
// Dates are checked in UTC on purpose: calendar days must not depend on the server's time zone.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const env = {
  ...process.env,
  TZ: process.env.TZ ?? 'UTC',
  // PGlite (and ESM-only NestJS under Jest on Node 20) need VM modules.
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules', '--no-warnings=ExperimentalWarning'].filter(Boolean).join(' '),
};

const configOf = (p) => ['jest.config.js', 'jest.config.cjs'].map((f) => path.join(root, p, f)).find((f) => existsSync(f));
const projects = ['shared', 'server', 'client'].filter((p) => configOf(p));
const extraArgs = process.argv.slice(2);
console.log(`Datenbank für die Tests: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'eingebettet (PGlite)'}`);

const resultsDir = path.join(root, '.tmp', 'test-results');
mkdirSync(resultsDir, { recursive: true });
let passed = 0;
let failed = 0;
let status = 0;

for (const project of projects) {
  console.log(`\n▶ ${project}`);
  const outputFile = path.join(resultsDir, `${project}.json`);
  rmSync(outputFile, { force: true });
  const result = spawnSync(process.execPath, [jest, '-c', configOf(project), '--json', `--outputFile=${outputFile}`, ...extraArgs], {
    cwd: path.join(root, project), env, stdio: 'inherit',
  });
  if (existsSync(outputFile)) {
    const summary = JSON.parse(readFileSync(outputFile, 'utf8'));
    passed += summary.numPassedTests;
    failed += summary.numFailedTests + summary.numRuntimeErrorTestSuites;
  }
  if (result.status !== 0) {
    status = result.status ?? 1;
    break;
  }
}

// One plain closing line, read by CI whatever the runner.
console.log(`\nTests: ${passed} passed, ${failed} failed`);
if (process.env.SV_TEST_SUMMARY) appendFileSync(process.env.SV_TEST_SUMMARY, `${passed} ${failed}\n`);
process.exit(status);
