import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, REPOSITORY_ROOT } from '../config/app.config';
import { openDatabase } from '../database/data-source';

// Writes the SQL that would bring a freshly migrated database in line with the entities as a new
// migration file, for a developer to read and edit (never commit it unread).
// Usage: npm run migration:generate -- <kebab-case-name>   (exit 1 when there is nothing to generate
// with --check, which CI uses to detect entity/migration drift).
async function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const name = args.find((a) => !a.startsWith('--')) ?? 'change';
  const config = loadConfig();
  const db = await openDatabase(config.database.url ? config.database : { ...config.database, dataDir: 'memory://' });
  try {
    await db.dataSource.runMigrations({ transaction: 'each' });
    const sql = await db.dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log('Entities and migrations agree: nothing to generate.');
      return;
    }
    if (check) {
      console.error('Entities and migrations differ. Missing SQL:\n' + sql.upQueries.map((q) => `  ${q.query};`).join('\n'));
      process.exitCode = 1;
      return;
    }
    const stamp = Date.now();
    const className = name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()) + stamp;
    const up = sql.upQueries.map((q) => `    await queryRunner.query(${JSON.stringify(q.query)});`).join('\n');
    const down = sql.downQueries.reverse().map((q) => `    await queryRunner.query(${JSON.stringify(q.query)});`).join('\n');
    const file = path.join(REPOSITORY_ROOT, 'migrations', `${stamp}-${name}.ts`);
    writeFileSync(file, `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`);
    console.log(`Wrote ${file}: read it, edit it, add it to migrations/index.ts.`);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
