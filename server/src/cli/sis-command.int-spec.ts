import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { given } from '../../test/given';
import { createTestDatabaseUrl } from '../../test/test-database';
import { loadConfig } from '../config/app.config';
import { openDatabase } from '../database/data-source';
import { runSisCommand } from './sis-command';

// `npm run sis -- untis import …` in-process: files from disk, preview and apply, and the refusal
// to open an embedded data folder that a running server holds. The CLI opens the database itself:
// a fresh PostgreSQL database, or an embedded one in a temporary folder.

/** Opens the CLI's database for a moment (set-up and checks), as the CLI does: never at the same time. */
async function withDatabase<T>(env: NodeJS.ProcessEnv, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const db = await openDatabase(loadConfig(env).database);
  try {
    await db.dataSource.runMigrations({ transaction: 'each' });
    return await work(db.dataSource);
  } finally {
    await db.close();
  }
}

describe('npm run sis -- untis import', () => {
  let env: NodeJS.ProcessEnv;
  let schoolNumber: string;
  let folder: string;
  const out: string[] = [];
  const err: string[] = [];
  const count = (sql: string) => withDatabase(env, (ds) => ds.query(sql));

  beforeAll(async () => {
    const url = await createTestDatabaseUrl();
    env = url ? { DATABASE_URL: url, LOG_LEVEL: 'silent' } : { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sv-cli-db-')), LOG_LEVEL: 'silent' };
    await withDatabase(env, (ds) => setUpSchool(ds));
  });

  async function setUpSchool(dataSource: DataSource) {
    const g = given(dataSource);
    const { school, year } = await g.school();
    schoolNumber = school.schoolNumber;
    await g.staff(school.id, 'TEACHER', 'cli.lehrer', 'MÜL');
    await g.group(school.id, year.id, '5a', 'CLASS', 5);
    folder = mkdtempSync(path.join(tmpdir(), 'sv-untis-'));
    writeFileSync(path.join(folder, 'GPU002.TXT'), `1,4,4,4,"5a","MÜL","M","101",,,,,,,"${year.startsOn.replaceAll('-', '')}","${year.endsOn.replaceAll('-', '')}",\r\n`);
    writeFileSync(path.join(folder, 'GPU001.TXT'), '1,"5a","MÜL","M","101",1,1,,\r\n1,"5a","MÜL","M","101",2,3,,\r\n');
  }

  beforeEach(() => { out.length = 0; err.length = 0; });

  const run = (...args: string[]) => runSisCommand(args, env, (line) => out.push(line), (line) => err.push(line));

  it('with --dry-run → should print the preview and write nothing; without → should import', async () => {
    expect(await run('untis', 'import', folder, '--school', schoolNumber, '--dry-run')).toBe(0);
    expect(out.join('\n')).toMatch(/Unterricht: 1 neu, 0 geändert, 0 entfernt/);
    expect(out.join('\n')).toContain('Probelauf: nichts geschrieben.');
    expect(await count(`SELECT count(*)::int AS n FROM lessons`)).toEqual([{ n: 0 }]);

    expect(await run('untis', 'import', path.join(folder, 'GPU001.TXT'), path.join(folder, 'GPU002.TXT'), '--school', schoolNumber)).toBe(0);
    expect(out.join('\n')).toMatch(/Importiert: \d+ Zeilen geschrieben/);
    expect(await count(`SELECT count(*)::int AS n FROM lessons`)).toEqual([{ n: 1 }]);
    const [record] = await count(`SELECT status, summary->>'actor' AS actor FROM untis_imports`);
    expect(record).toEqual({ status: 'APPLIED', actor: expect.stringMatching(/^Kommandozeile/) });
  });

  it('when a server holds the embedded data folder → should refuse with a clear message and not open it', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sv-data-'));
    writeFileSync(path.join(dataDir, 'server.lock'), String(process.ppid));
    const code = await runSisCommand(['untis', 'import', folder, '--school', schoolNumber], { DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, (l) => out.push(l), (l) => err.push(l));
    expect(code).toBe(1);
    expect(err.join('\n')).toContain(`Der Datenordner ${dataDir} wird bereits von Prozess ${process.ppid} verwendet.`);
    expect(err.join('\n')).toContain('Während der Server läuft, importieren Sie über die Oberfläche');
  });

  it('with an unknown school number or missing arguments → should say what is wrong', async () => {
    expect(await run('untis', 'import', folder)).toBe(1);
    expect(err.pop()).toMatch(/^Aufruf: npm run sis -- untis import/);
    expect(await run('untis', 'import', '/nicht/da.txt', '--school', '1')).toBe(1);
    expect(err.pop()).toBe('Datei oder Ordner nicht gefunden: /nicht/da.txt');
    expect(await run('untis', 'import', folder, '--school', '999999')).toBe(1);
    expect(err.pop()).toBe('Die Schule mit der Schulnummer 999999 wurde nicht gefunden.');
  });
});
