import './production-mode';
import { ConfigError, loadConfig } from './config/app.config';
import { DataDirLockedError } from './database/data-dir-lock';
import { generateDemoData } from './demo/demo-data.generator';
import { logger } from './logging/logger';
import { createServer } from './server';

function printDemoLogins() {
  const { logins } = generateDemoData({ size: 'full' });
  console.log(`\nDemo-Anmeldungen (Passwort für alle: ${logins[0]?.password}):`);
  for (const login of logins) console.log(`  ${login.username.padEnd(22)} ${login.description}`);
  console.log('');
}

async function main() {
  const config = loadConfig();
  const started = Date.now();
  const server = await createServer(config, { emitSchema: config.graphql.emitSchema, seedDemo: config.demoData });
  await server.app.listen(config.http.port, config.http.host);
  const database = config.database.url ? 'PostgreSQL (DATABASE_URL)' : `eingebettet (PGlite) in ${config.database.dataDir}`;
  console.log(`\nSchulverwaltung läuft: ${config.http.publicUrl}  (GraphQL: ${config.http.publicUrl}/graphql)`);
  console.log(`Datenbank: ${database} · bereit nach ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (config.demoData) printDemoLogins();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    logger.fatal({ err: error }, 'server failed to start');
  }
  process.exit(1);
});
