import { ConfigError, loadConfig } from '../config/app.config';
import { DataDirLockedError, lockDataDir } from '../database/data-dir-lock';
import { openDatabase } from '../database/data-source';

// npm run migrate: applies pending migrations without starting the server. On the embedded
// database it refuses while a server holds the data folder (one process per folder).
async function main() {
  const config = loadConfig();
  const unlock = config.database.url ? () => undefined : lockDataDir(config.database.dataDir);
  const db = await openDatabase(config.database);
  try {
    const applied = await db.dataSource.runMigrations({ transaction: 'each' });
    console.log(applied.length === 0 ? 'Keine ausstehenden Migrationen.' : `Angewendet: ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    await db.close();
    unlock();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof DataDirLockedError ? error.message : error);
  process.exit(1);
});
