import { readdirSync, readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { berlinDate } from '@schulverwaltung/shared';
import { AppError } from '../common/app-error';
import { ConfigError, loadConfig } from '../config/app.config';
import { DataDirLockedError, lockDataDir } from '../database/data-dir-lock';
import { openDatabase } from '../database/data-source';
import type { UntisInputFile } from '../modules/untis/read';
import { loadSchool } from '../modules/untis/import/school-snapshot';
import { runUntisImport } from '../modules/untis/untis-import.runner';
import type { UntisImportSummary } from '../modules/untis/untis-import.summary';

// The `npm run sis` commands (cli/sis.ts is the entry point): the admin's command line for the
// Untis import, running the same code as the SPA's wizard. On the embedded database it refuses
// while the server runs: one process owns the data folder.

const USAGE = `Aufruf: npm run sis -- untis import <Dateien, Ordner oder ZIP> --school <Schulnummer> [--dry-run]
       [--valid-from JJJJ-MM-TT] [--create-teachers] [--create-classes]`;

class UsageError extends Error {}

function collectFiles(paths: string[]): UntisInputFile[] {
  const files: UntisInputFile[] = [];
  for (const given of paths) {
    const stat = statSync(given, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`Datei oder Ordner nicht gefunden: ${given}`);
    if (stat.isDirectory()) {
      for (const name of readdirSync(given).sort()) {
        const file = path.join(given, name);
        if (statSync(file).isFile() && !name.startsWith('.')) files.push({ name, bytes: readFileSync(file) });
      }
    } else {
      files.push({ name: path.basename(given), bytes: readFileSync(given) });
    }
  }
  return files;
}

function printSummary(summary: UntisImportSummary, status: string, print: Print): void {
  print(`Schuljahr ${summary.schoolYear}, gültig ab ${summary.validFrom}`);
  for (const file of summary.files) print(`  ${file.name}: ${file.kind}, ${file.encoding}, ${file.records} Datensätze`);
  for (const change of summary.changes.filter((c) => c.added + c.changed + c.removed + c.unchanged > 0)) {
    print(`${change.label}: ${change.added} neu, ${change.changed} geändert, ${change.removed} entfernt, ${change.unchanged} unverändert`);
    for (const sample of change.samples.slice(0, 5)) print(`    ${sample.change === 'ADDED' ? '+' : sample.change === 'REMOVED' ? '-' : '~'} ${sample.label}${sample.before || sample.after ? `: ${sample.before ?? ''} → ${sample.after ?? ''}` : ''}`);
  }
  for (const created of summary.created) print(`Wird angelegt: ${created.kind} ${created.name}`);
  if (summary.pupilsInExport !== null) print(`Schüler:innen zugeordnet: ${summary.pupilsMatched} von ${summary.pupilsInExport}`);
  for (const warning of summary.warnings) print(`Hinweis: ${warning}`);
  for (const unmatched of summary.unmatched) print(`Nicht zugeordnet: ${unmatched.message}${unmatched.occurrences > 1 ? ` (${unmatched.occurrences}×)` : ''}`);
  const outcome = {
    PREVIEW: summary.blocked ? 'Probelauf: so nicht importierbar (siehe „Nicht zugeordnet“).' : summary.noChanges ? 'Probelauf: keine Änderungen.' : 'Probelauf: nichts geschrieben.',
    APPLIED: `Importiert: ${summary.rowsWritten} Zeilen geschrieben.`,
    NO_CHANGES: 'Keine Änderungen: der Stundenplan ist bereits auf diesem Stand (Import protokolliert).',
  }[status];
  print(outcome ?? status);
}

async function untisImport(args: string[], env: NodeJS.ProcessEnv | undefined, print: Print): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { school: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, 'valid-from': { type: 'string' }, 'create-teachers': { type: 'boolean', default: false }, 'create-classes': { type: 'boolean', default: false } },
  });
  if (!values.school || positionals.length === 0) throw new UsageError(USAGE);
  if (values['valid-from'] && !/^\d{4}-\d{2}-\d{2}$/.test(values['valid-from'])) throw new UsageError('--valid-from erwartet ein Datum wie 2026-09-01.');
  const files = collectFiles(positionals);
  const config = loadConfig(env);
  const unlock = config.database.url ? () => undefined : lockDataDir(config.database.dataDir);
  const db = await openDatabase(config.database);
  try {
    await db.dataSource.runMigrations({ transaction: 'each' });
    const school = await loadSchool(db.dataSource.manager, values.school);
    const outcome = await runUntisImport(db.dataSource, {
      school, files, validFrom: values['valid-from'] ?? null, apply: !values['dry-run'], today: berlinDate(),
      options: { createMissingTeachers: values['create-teachers']!, createMissingClasses: values['create-classes']! },
      actor: { personId: null, label: `Kommandozeile (${userInfo().username})` },
    });
    printSummary(outcome.summary, outcome.status, print);
    return outcome.summary.blocked ? 2 : 0;
  } finally {
    await db.close();
    unlock();
  }
}

export type Print = (line: string) => void;

/** Runs one command; returns the exit code (0 done, 1 error, 2 import blocked by unmatched names). Errors are printed, not thrown. */
export async function runSisCommand(argv: string[], env?: NodeJS.ProcessEnv, print: Print = console.log, printError: Print = console.error): Promise<number> {
  const [area, command, ...rest] = argv;
  try {
    if (area === 'untis' && command === 'import') return await untisImport(rest, env, print);
    throw new UsageError(USAGE);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      printError(`${error.message}\nWährend der Server läuft, importieren Sie über die Oberfläche (Verwaltung → Untis-Import) oder mit DATABASE_URL gegen PostgreSQL.`);
    } else if (error instanceof UsageError || error instanceof ConfigError || error instanceof AppError) {
      printError(error.message);
    } else {
      printError(error instanceof Error ? error.stack ?? error.message : String(error));
    }
    return 1;
  }
}
