// Starts the built server (npm run build first) on a fresh embedded database with the demo data.
const { spawn } = require('node:child_process');
const { mkdtempSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../../..');
const port = Number(process.env.E2E_PORT || 3555);

module.exports = async function globalSetup() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sv-e2e-'));
  const server = spawn(process.execPath, [path.join(root, 'server/dist/server/src/main.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: 'true', LOG_LEVEL: 'warn', GRAPHQL_EMIT_SCHEMA: 'false', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 120 s')), 120000);
    server.stdout.on('data', (chunk) => {
      if (String(chunk).includes('Schulverwaltung läuft')) { clearTimeout(timer); resolve(); }
    });
    server.on('exit', (code) => reject(new Error(`server exited with code ${code}`)));
  });
  globalThis.__SV_E2E_SERVER__ = server;
  process.env.E2E_BASE_URL = `http://127.0.0.1:${port}`;
};
