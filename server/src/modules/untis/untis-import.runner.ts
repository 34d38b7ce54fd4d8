import type { DataSource, EntityManager } from 'typeorm';
import { AppError, badInput } from '../../common/app-error';
import { recordAudit } from '../audit/audit.service';
import { relinkAbsencesFrom } from '../absences/absence-lessons';
import { readUntisFiles, UntisReadError, type UntisExport, type UntisInputFile } from './read';
import { applyPlan } from './import/apply-changes';
import { lessonLinesFromPlacements } from './import/lessons-from-placements';
import { blockingUnmatched, buildImportPlan, plannedWrites, type ImportPlan } from './import/import-plan';
import type { MatchOptions } from './import/name-matching';
import { loadSnapshot, schoolYearOn, type SnapshotSchool } from './import/school-snapshot';
import { UntisImportEntity, type UntisImportStatus } from './untis-import.entity';
import { summarize, type UntisImportSummary } from './untis-import.summary';

// One Untis import, from files to database, all or nothing: read → match → diff → (write). The
// preview runs the same steps and writes nothing. Used by the GraphQL API and by the CLI.

export interface UntisImportRequest {
  school: SnapshotSchool;
  files: UntisInputFile[];
  /** ISO date; default: the export's start, or today when the school year already has Untis lessons */
  validFrom?: string | null;
  options: MatchOptions;
  apply: boolean;
  actor: { personId: string | null; label: string };
  today: string;
}

export interface UntisImportOutcome {
  importId: string | null;
  status: UntisImportStatus | 'PREVIEW';
  summary: UntisImportSummary;
}

export async function runUntisImport(dataSource: DataSource, request: UntisImportRequest): Promise<UntisImportOutcome> {
  const exported = readExport(request.files);
  try {
    return await dataSource.transaction(async (manager) => {
      const plan = await planImport(manager, exported, request);
      const summary = summarize(exported, plan, request.actor.label);
      if (!request.apply) return { importId: null, status: 'PREVIEW' as const, summary };
      return writeImport(manager, exported, plan, summary, request);
    });
  } catch (error) {
    if (request.apply) await recordFailure(dataSource, exported, request, error);
    throw error;
  }
}

function readExport(files: UntisInputFile[]): UntisExport {
  if (files.length === 0) throw badInput('files', 'Bitte wählen Sie mindestens eine Untis-Datei aus.', 'required');
  try {
    const exported = readUntisFiles(files);
    if (exported.present.placements && !exported.present.lessons && exported.placements.length > 0) {
      exported.lessonLines = lessonLinesFromPlacements(exported);
      exported.present.lessons = true;
      exported.warnings.push({ ref: { file: exported.files.find((f) => f.kind === 'GPU001')?.name ?? 'GPU001', line: 0 }, message: 'Ohne GPU002 (Unterricht) werden die Unterrichte aus dem Stundenplan abgeleitet: Wochenstunden = verplante Stunden, ohne Gültigkeit und Unterrichtsgruppe.' });
    }
    if (exported.present.lessons && exported.lessonLines.length === 0) {
      // An empty lesson file would otherwise end every lesson: treat it as "no lesson data".
      exported.present.lessons = false;
      exported.present.placements = false;
      exported.warnings.push({ ref: { file: exported.files.find((f) => f.kind === 'GPU002' || f.kind === 'XML')?.name ?? 'GPU002', line: 0 }, message: 'Die Unterrichtsdatei enthält keinen Unterricht: der Unterricht bleibt unverändert.' });
    }
    return exported;
  } catch (error) {
    if (error instanceof UntisReadError) throw new AppError('BAD_USER_INPUT', error.message, { field: 'files', rule: 'untis_format', file: error.ref.file, line: error.ref.line, column: error.ref.field });
    throw error;
  }
}

async function planImport(manager: EntityManager, exported: UntisExport, request: UntisImportRequest): Promise<ImportPlan> {
  const { school } = request;
  if (exported.schoolNumber && exported.schoolNumber !== school.schoolNumber) {
    throw badInput('files', `Der Export gehört zur Schulnummer ${exported.schoolNumber}, nicht zu ${school.name} (${school.schoolNumber}).`, 'wrong_school');
  }
  const validFrom = request.validFrom ?? (await defaultValidFrom(manager, exported, school.id, request.today));
  const schoolYear = await schoolYearOn(manager, school.id, validFrom);
  if (!schoolYear) throw badInput('validFrom', `Kein Schuljahr der Schule umfasst den ${validFrom}. Bitte legen Sie das Schuljahr an oder wählen Sie ein anderes Gültig-ab-Datum.`, 'no_school_year');
  const snapshot = await loadSnapshot(manager, school, schoolYear, validFrom);
  return buildImportPlan(manager, exported, snapshot, validFrom, request.options);
}

/**
 * The export's start date for a first import (so the whole term is filled); once the year has
 * Untis lessons, not before today, so a re-import never rewrites what was already taught.
 */
async function defaultValidFrom(manager: EntityManager, exported: UntisExport, schoolId: string, today: string): Promise<string> {
  const start = exported.rangeFrom;
  if (!start) return today;
  const year = await schoolYearOn(manager, schoolId, start);
  if (!year) return start > today ? start : today;
  const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM lessons WHERE school_year_id = $1 AND untis_number IS NOT NULL`, [year.id]);
  return count === 0 || start > today ? start : today;
}

async function writeImport(manager: EntityManager, exported: UntisExport, plan: ImportPlan, summary: UntisImportSummary, request: UntisImportRequest): Promise<UntisImportOutcome> {
  const blocking = blockingUnmatched(plan);
  if (blocking.length) {
    const list = blocking.slice(0, 10).map((u) => u.message).join('\n');
    throw new AppError('BAD_USER_INPUT', `Der Import wurde nicht ausgeführt: ${blocking.length === 1 ? 'eine Angabe ließ' : `${blocking.length} Angaben ließen`} sich nicht zuordnen. Legen Sie Zuordnungen an oder erlauben Sie das Anlegen.\n${list}`, { field: 'files', rule: 'unmatched', unmatched: blocking.length });
  }
  const status: UntisImportStatus = plannedWrites(plan) === 0 ? 'NO_CHANGES' : 'APPLIED';
  const record = await manager.save(manager.create(UntisImportEntity, {
    schoolId: request.school.id, schoolYearId: plan.snapshot.schoolYear.id, actorPersonId: request.actor.personId, status,
    validFrom: plan.validFrom, files: fileRecords(exported), summary: summary as never, error: null,
  }));
  const written = status === 'APPLIED' ? await applyPlan(manager, plan, record.id) : 0;
  summary.rowsWritten = written;
  if (status === 'APPLIED') summary.absencesRelinked = await relinkAbsencesFrom(manager, request.school.id, relinkFrom(exported, plan.validFrom));
  await manager.update(UntisImportEntity, record.id, { summary: summary as never });
  await recordAudit(manager, {
    actor: { personId: request.actor.personId }, schoolId: request.school.id, action: 'create', entityType: 'untis_imports', entityId: record.id,
    changes: { status: { old: null, new: status }, rowsWritten: { old: null, new: written }, validFrom: { old: null, new: plan.validFrom } },
  });
  return { importId: record.id, status, summary };
}

// Lessons change from the valid-from day on; substitutions on the days they name (possibly earlier).
function relinkFrom(exported: UntisExport, validFrom: string): string {
  return exported.substitutions.reduce((earliest, s) => (s.date < earliest ? s.date : earliest), validFrom);
}

function fileRecords(exported: UntisExport) {
  return exported.files.map((f) => ({ name: f.name, kind: f.kind === 'UNSUPPORTED' ? f.detectedAs : f.kind, sha256: f.sha256, bytes: f.bytes, encoding: f.encoding, records: f.records }));
}

/** A failed import is recorded too (in its own transaction: the import's own was rolled back). */
async function recordFailure(dataSource: DataSource, exported: UntisExport, request: UntisImportRequest, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await dataSource.manager.insert(UntisImportEntity, {
    schoolId: request.school.id, schoolYearId: null, actorPersonId: request.actor.personId, status: 'FAILED', validFrom: request.validFrom ?? null,
    files: fileRecords(exported), summary: { actor: request.actor.label } as never, error: message.slice(0, 2000),
  }).catch(() => undefined);
}
