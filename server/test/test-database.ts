import { Client } from 'pg';
import { withDatabase } from './global-setup';

// Jest resets the module registry per test file, also when it runs files in one process
// (--runInBand, or when it judges the run small): a module-level counter alone would restart at 1
// with the same pid and collide with the previous file's database.
let counter = 0;
const processTag = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

/**
 * A database for one test file: a copy of the migrated template on PostgreSQL, or an in-memory
 * PGlite (migrated by the server on start) when DATABASE_URL is unset.
 */
export async function createTestDatabaseUrl(): Promise<string | undefined> {
  const adminUrl = process.env.SV_TEST_ADMIN_URL;
  const template = process.env.SV_TEST_TEMPLATE_DB;
  if (!adminUrl || !template) return undefined;
  const name = `${template.replace(/_tpl$/, '')}_${processTag}_${++counter}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return withDatabase(adminUrl, name);
}

export const isPostgresRun = () => !!process.env.SV_TEST_ADMIN_URL;
