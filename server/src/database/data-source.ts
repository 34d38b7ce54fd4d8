import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { types } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import type { DatabaseConfig } from '../config/app.config';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// Calendar days stay 'YYYY-MM-DD' strings: pg would turn them into Date objects at local
// midnight, which shifts them by a day on servers east or west of Berlin.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

export interface Database {
  dataSource: DataSource;
  kind: 'postgres' | 'embedded';
  /** The embedded database's data folder as a tar archive (embedded only). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

const COMMON: Partial<DataSourceOptions> = {
  entities: ENTITIES,
  migrations: MIGRATIONS,
  namingStrategy: new SnakeNamingStrategy(),
  synchronize: false,
  migrationsRun: false,
  migrationsTransactionMode: 'each',
};

async function openEmbedded(config: DatabaseConfig): Promise<Database> {
  // PGlite is ESM; loaded lazily so a PostgreSQL deployment never loads the WASM build.
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const folder = config.dataDir === 'memory://' ? 'memory://' : path.join(config.dataDir, 'pgdata');
  if (folder !== 'memory://') mkdirSync(folder, { recursive: true });
  const template = folder === 'memory://' && config.embeddedTemplate ? { loadDataDir: new Blob([readFileSync(config.embeddedTemplate)]) } : {};
  const pglite = await PGlite.create(folder, { extensions: { pg_trgm }, ...template });
  const pgConfig = createPgConfig(pglite);
  // One PGlite session serves all queries: a pool of exactly one connection keeps transactions
  // from interleaving (typeorm-pglite shares the session across "connections" and is not safe).
  const dataSource = new DataSource({
    ...COMMON,
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    extra: { connection: pgConfig.connection, max: 1, idleTimeoutMillis: 0 },
  } as DataSourceOptions);
  await dataSource.initialize();
  return {
    dataSource,
    kind: 'embedded',
    dumpDataDir: () => pglite.dumpDataDir('none'),
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await pglite.close();
    },
  };
}

async function openPostgres(config: DatabaseConfig): Promise<Database> {
  const dataSource = new DataSource({
    ...COMMON,
    type: 'postgres',
    url: config.url,
    uuidExtension: 'pgcrypto',
    // Keep idle connections a while: each holds the prepared statements of the hot queries.
    extra: { max: config.poolSize, idleTimeoutMillis: 60_000 },
  } as DataSourceOptions);
  await dataSource.initialize();
  return {
    dataSource,
    kind: 'postgres',
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

export function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.url ? openPostgres(config) : openEmbedded(config);
}

/** The SQL TypeORM would run to bring the schema in line with the entities; empty when in sync. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
