import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/database/data-source';

// Every test file on the embedded database starts its own in-memory PGlite. An empty cluster costs
// an initdb and all migrations (seconds per file); a copy of a migrated one costs a few hundred
// milliseconds. The copy is a dump of the data folder in .tmp/, named by a hash of the migrations,
// made by the first test file that needs it and shared by the others (and later runs).

const root = path.resolve(__dirname, '..', '..');

export async function embeddedTemplate(): Promise<string> {
  const file = path.join(root, '.tmp', `pglite-template-${migrationsHash()}.tar`);
  if (existsSync(file)) return file;
  const db = await openDatabase({ dataDir: 'memory://', poolSize: 1, timetableCacheDays: 0 });
  try {
    await db.dataSource.runMigrations({ transaction: 'each' });
    const dump = Buffer.from(await (await db.dumpDataDir!()).arrayBuffer());
    mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed: a test file running in parallel sees the whole file or none.
    const partial = `${file}.${randomUUID()}`;
    writeFileSync(partial, dump);
    renameSync(partial, file);
  } finally {
    await db.close();
  }
  return file;
}

function migrationsHash(): string {
  const folder = path.join(root, 'migrations');
  const hash = createHash('sha256');
  for (const name of readdirSync(folder).sort()) hash.update(name).update(readFileSync(path.join(folder, name)));
  return hash.digest('hex').slice(0, 16);
}
