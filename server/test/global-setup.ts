import { Client } from 'pg';
import { MIGRATIONS } from '../../migrations';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../src/database/entities';
import { SnakeNamingStrategy } from '../src/database/snake-naming.strategy';

// With DATABASE_URL: one template database per run, migrated once; every test file then gets its
// own copy (CREATE DATABASE … TEMPLATE), so files run in parallel without sharing rows.
// Without DATABASE_URL: nothing to do here; each file opens an in-memory PGlite and migrates it.
export default async function globalSetup() {
  process.env.TZ = process.env.TZ ?? 'UTC';
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const runId = `${Date.now().toString(36)}${process.pid}`;
  const template = `sv_test_${runId}_tpl`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const dataSource = new DataSource({
    type: 'postgres', url: withDatabase(url, template), entities: ENTITIES, migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(), uuidExtension: 'pgcrypto',
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  process.env.SV_TEST_TEMPLATE_DB = template;
  process.env.SV_TEST_ADMIN_URL = url;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
