import { badInput } from '../../common/app-error';
import { queryPrepared } from '../../database/prepared-query';
import { recordAudit } from '../audit/audit.service';
import { writeLessonLinks } from './absence-lessons';
import { AbsenceWrite, deriveFromSpan, refuseOverlap, reviseAbsence } from './absence-writer';
import { AbsenceEntity } from './absence.entity';

// Undoing a merge of the quick entry ("wrong pupil" right after the call). A merge widened an
// existing absence — reopening it if it was already excused — and may have swallowed neighbouring
// entries. Its audit entries say exactly what it did: the absence's last update (old → new per
// field) and the deletions of the swallowed entries, marked mergedInto and written in the same
// transaction (same timestamp). Undoing restores every field the update changed (status and who
// excused included, which the office could not set back by a correction) and re-creates the
// swallowed entries under their ids, with their lesson links; all of it audited.

type Changes = Record<string, { old?: unknown; new?: unknown }>;

// Bookkeeping fields the writer derives again or that the database keeps itself.
const NOT_RESTORED = new Set(['version', 'updatedAt', 'mergedInto']);

// `at` as text: a Date would lose PostgreSQL's microseconds, and the swallowed entries share it exactly.
const LAST_UPDATE_SQL = `SELECT changes, at::text AS at FROM audit_log WHERE entity_type = 'absences' AND entity_id = $1 ORDER BY at DESC, id DESC LIMIT 1`;
const SWALLOWED_SQL = `SELECT entity_id AS id, changes FROM audit_log
  WHERE entity_type = 'absences' AND action = 'delete' AND at = $2::timestamptz AND changes -> 'mergedInto' ->> 'new' = $1::text`;

export async function undoMerge(w: AbsenceWrite, current: AbsenceEntity, version: number): Promise<{ absence: AbsenceEntity; restored: AbsenceEntity[] }> {
  const [last] = await queryPrepared<{ changes: Changes; at: string }>(w.manager, LAST_UPDATE_SQL, [current.id]);
  const swallowed = last ? await queryPrepared<{ id: string; changes: Changes }>(w.manager, SWALLOWED_SQL, [current.id, last.at]) : [];
  if (!last || !isMerge(last.changes, swallowed.length)) {
    throw badInput('id', 'die letzte Änderung dieser Fehlzeit war keine Zusammenführung: bitte korrigieren statt rückgängig machen', 'not_a_merge');
  }
  const before = oldValues(last.changes);
  // The span as it was may meet entries made since (or the ones an earlier undo brought back).
  await refuseOverlap(w, { ...current, ...before }, current.id);
  const absence = await reviseAbsence(w, current, version, before);
  const restored: AbsenceEntity[] = [];
  for (const entry of swallowed) restored.push(await recreate(w, entry.id, oldValues(entry.changes), current.id));
  return { absence, restored };
}

/** A merge moves the span (or swallows a neighbour); a correction of a note or reason does neither. */
function isMerge(changes: Changes, swallowedCount: number): boolean {
  return swallowedCount > 0 || 'startsOn' in changes || 'endsOn' in changes;
}

function oldValues(changes: Changes): Partial<AbsenceEntity> {
  return Object.fromEntries(Object.entries(changes).filter(([field]) => !NOT_RESTORED.has(field)).map(([field, change]) => [field, change.old ?? null]));
}

async function recreate(w: AbsenceWrite, id: string, values: Partial<AbsenceEntity>, mergedIntoId: string): Promise<AbsenceEntity> {
  const absence = w.manager.create(AbsenceEntity, { ...values, id });
  await refuseOverlap(w, absence, id);
  await w.manager.insert(AbsenceEntity, absence);
  const derived = await deriveFromSpan(w, absence);
  await writeLessonLinks(w.manager, absence, absence.leaveStatus === 'REJECTED' ? [] : derived.covered, { isNew: true });
  await recordAudit(w.manager, {
    actor: w.ctx.user!, schoolId: absence.schoolId, action: 'create', entityType: 'absences', entityId: id,
    changes: { restoredFromMergeInto: { old: null, new: mergedIntoId }, lessons: { old: null, new: derived.covered.length } },
  });
  return w.manager.findOneByOrFail(AbsenceEntity, { id });
}
