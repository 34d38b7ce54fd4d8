import { Client } from 'pg';

export default async function globalTeardown() {
  const url = process.env.SV_TEST_ADMIN_URL;
  const template = process.env.SV_TEST_TEMPLATE_DB;
  if (!url || !template) return;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  const prefix = template.replace(/_tpl$/, '');
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`]);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  await admin.end();
}
