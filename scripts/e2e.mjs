#!/usr/bin/env node
// `npm run test:e2e`: browser tests in Debian's chromium (apt-get install chromium) via playwright-core.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium fehlt (${chromium}). Installieren: sudo apt-get install chromium — oder CHROMIUM_PATH setzen.`);
  process.exit(1);
}
const outputFile = path.join(root, '.tmp', 'test-results', 'e2e.json');
mkdirSync(path.dirname(outputFile), { recursive: true });
rmSync(outputFile, { force: true });
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const result = spawnSync(process.execPath, [jest, '-c', path.join(root, 'client/e2e/jest.config.cjs'), '--json', `--outputFile=${outputFile}`, ...process.argv.slice(2)], {
  cwd: root, stdio: 'inherit', env: { ...process.env, TZ: process.env.TZ ?? 'UTC' },
});
let passed = 0;
let failed = 0;
if (existsSync(outputFile)) {
  const summary = JSON.parse(readFileSync(outputFile, 'utf8'));
  passed = summary.numPassedTests;
  failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
}
console.log(`\nScreenshots: ${path.relative(root, path.join(root, 'client/e2e/screenshots'))}/`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
if (process.env.SV_TEST_SUMMARY) appendFileSync(process.env.SV_TEST_SUMMARY, `${passed} ${failed}\n`);
process.exit(result.status ?? 1);
