import { Client } from 'pg';
import { withDatabase } from './global-setup';

let counter = 0;

/**
 * A database for one test file: a copy of the migrated template on PostgreSQL, or an in-memory
 * PGlite (migrated by the server on start) when DATABASE_URL is unset.
 */
export async function createTestDatabaseUrl(): Promise<string | undefined> {
  const adminUrl = process.env.SV_TEST_ADMIN_URL;
  const template = process.env.SV_TEST_TEMPLATE_DB;
  if (!adminUrl || !template) return undefined;
  const name = `${template.replace(/_tpl$/, '')}_${process.pid}_${++counter}`;
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
