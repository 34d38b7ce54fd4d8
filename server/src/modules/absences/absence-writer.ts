import { EntityManager } from 'typeorm';
import type { AbsenceChannel, AbsenceReporter, AbsenceSettingsValues, CalendarDate, LeaveStatus } from '@schulverwaltung/shared';
import { badInput, conflict } from '../../common/app-error';
import { updateVersioned } from '../../common/versioned-update';
import { loadAll, queryPrepared } from '../../database/prepared-query';
import type { RequestContext } from '../../authz/request-context';
import { AuditChanges } from '../audit/audit-entry.entity';
import { creationFields, recordAudit } from '../audit/audit.service';
import { coveredLessons, lessonsOfPupil, PupilLesson, writeLessonLinks } from './absence-lessons';
import { refusal } from './absence-messages';
import { AbsenceSpan, findOverlap, Placement, placeAbsence } from './absence-overlap';
import { examsOfPupil, excuseDueOn, initialStatus, loadAbsenceSettings, requiresCertificate } from './absence-rules';
import { AbsenceEntity } from './absence.entity';
import { AbsenceReportOutcome } from './absence.types';
import { loadSchoolCalendar, SchoolCalendar } from './school-calendar';

// Writing absences: every write that can change which days or periods a pupil is away runs in a
// transaction holding the pupil's row lock (SELECT … FOR UPDATE), so two racing reports for one
// pupil are serialised and the second sees the first — it merges or answers "already reported",
// never inserts a double. Derived data (school year, excuse deadline, certificate requirement,
// lesson links) is recomputed from the final span on every write.

export const ABSENCE_LABEL = 'Die Fehlzeit';

export interface LockedPupil {
  id: string;
  schoolId: string;
  personId: string;
  firstName: string;
  lastName: string;
  certificateRequiredFrom: CalendarDate | null;
}

const LOCK_PUPIL_SQL = `
  SELECT p.id, p.school_id AS "schoolId", p.person_id AS "personId", p.certificate_required_from AS "certificateRequiredFrom",
         pe.first_name AS "firstName", pe.last_name AS "lastName"
  FROM pupils p JOIN persons pe ON pe.id = p.person_id
  WHERE p.id = $1
  FOR UPDATE OF p`;

/** Locks the pupil's row for the rest of the transaction; null when there is no such pupil. */
export async function lockPupil(manager: EntityManager, pupilId: string): Promise<LockedPupil | null> {
  const [pupil] = await queryPrepared<LockedPupil>(manager, LOCK_PUPIL_SQL, [pupilId]);
  return pupil ?? null;
}

export const pupilName = (pupil: Pick<LockedPupil, 'firstName' | 'lastName'>) => `${pupil.firstName} ${pupil.lastName}`;

const SCHOOL_YEAR_SQL = `
  SELECT sy.id, sy.name, sy.ends_on AS "endsOn",
         (SELECT e.class_id FROM enrolments e WHERE e.pupil_id = $2 AND e.school_year_id = sy.id) AS "classId"
  FROM school_years sy WHERE sy.school_id = $1 AND sy.starts_on <= $3 AND sy.ends_on >= $3`;

export interface AbsenceYear {
  id: string;
  name: string;
  endsOn: CalendarDate;
  /** the pupil's class that year */
  classId: string | null;
}

/** The school year of the first day, with the pupil's class in it; the whole span must lie in it. */
export async function schoolYearOf(manager: EntityManager, pupil: LockedPupil, span: Pick<AbsenceSpan, 'startsOn' | 'endsOn'>, field = 'input.startsOn'): Promise<AbsenceYear> {
  const [year] = await queryPrepared<AbsenceYear>(manager, SCHOOL_YEAR_SQL, [pupil.schoolId, pupil.id, span.startsOn]);
  if (!year) throw badInput(field, 'liegt in keinem Schuljahr der Schule', 'out_of_range');
  if (span.endsOn > year.endsOn) throw badInput('input.endsOn', `muss im Schuljahr ${year.name} liegen (bis ${year.endsOn})`, 'out_of_range');
  return year;
}

/** What a new absence says beyond its span: who reported it, how, and what comes with it. */
export interface AbsenceDraft extends AbsenceSpan {
  note: string | null;
  reportedBy: AbsenceReporter;
  reporterPersonId: string | null;
  reporterName: string | null;
  reportedVia: AbsenceChannel;
  /** a portal report where the school takes it as the written excuse */
  excuseReceivedOn: CalendarDate | null;
  leaveStatus: LeaveStatus | null;
}

/** One write for one pupil: the transaction, the caller, the locked pupil, the school's calendar and settings. */
export interface AbsenceWrite {
  manager: EntityManager;
  ctx: RequestContext;
  pupil: LockedPupil;
  calendar: SchoolCalendar;
  settings: AbsenceSettingsValues;
  /** school years looked up in this write, by first day: one write asks several times */
  years: Map<CalendarDate, AbsenceYear>;
}

export async function openWrite(manager: EntityManager, ctx: RequestContext, pupil: LockedPupil, around: Pick<AbsenceSpan, 'startsOn' | 'endsOn'>): Promise<AbsenceWrite> {
  const [calendar, settings] = await loadAll(manager, [
    () => loadSchoolCalendar(manager, pupil.schoolId, around.startsOn, around.endsOn),
    () => loadAbsenceSettings(manager, pupil.schoolId),
  ] as const);
  return { manager, ctx, pupil, calendar, settings, years: new Map() };
}

/** schoolYearOf, looked up once per first day in this write. */
export async function yearOfWrite(w: AbsenceWrite, span: Pick<AbsenceSpan, 'startsOn' | 'endsOn'>): Promise<AbsenceYear> {
  const year = w.years.get(span.startsOn) ?? await schoolYearOf(w.manager, w.pupil, span);
  w.years.set(span.startsOn, year);
  if (span.endsOn > year.endsOn) throw badInput('input.endsOn', `muss im Schuljahr ${year.name} liegen (bis ${year.endsOn})`, 'out_of_range');
  return year;
}

/**
 * Whole days are narrowed to their first and last school day (a range may span a weekend or
 * holidays, never start or end in them); a part of a day must fall on a school day.
 */
export function onSchoolDays<T extends AbsenceSpan>(span: T, calendar: SchoolCalendar, field = 'input.startsOn'): T {
  if (span.kind !== 'DAYS') {
    if (!calendar.isSchoolDay(span.startsOn)) throw badInput(field, 'ist kein Schultag (Wochenende, Ferien oder unterrichtsfrei)', 'no_school_day');
    return { ...span, endsOn: span.startsOn };
  }
  const trimmed = calendar.trimToSchoolDays(span.startsOn, span.endsOn);
  if (!trimmed) throw badInput(field, 'im Zeitraum liegt kein Schultag (Wochenende, Ferien oder unterrichtsfrei)', 'no_school_day');
  return { ...span, ...trimmed };
}

// The pupil's absences that may touch the span: from the school day before to the one after.
const AROUND_SQL = `
  SELECT * FROM absences a
  WHERE a.pupil_id = $1 AND a.starts_on <= $3 AND a.ends_on >= $2 AND a.id <> $4
    AND (a.leave_status IS NULL OR a.leave_status <> 'REJECTED')
  ORDER BY a.starts_on, a.period_from NULLS FIRST`;
const NO_ID = '00000000-0000-0000-0000-000000000000';

export async function absencesAround(w: AbsenceWrite, span: Pick<AbsenceSpan, 'startsOn' | 'endsOn'>, exceptId = NO_ID): Promise<AbsenceEntity[]> {
  const from = w.calendar.previousSchoolDay(span.startsOn);
  const to = w.calendar.nextSchoolDay(span.endsOn);
  const rows = await w.manager.query(AROUND_SQL, [w.pupil.id, from, to, exceptId]);
  return rows.map((row: Record<string, unknown>) => w.manager.create(AbsenceEntity, fromColumns(w.manager, row)));
}

/** Refuses a span that overlaps another entry of the pupil (`exceptId`: the entry being changed), naming that entry. */
export async function refuseOverlap(w: AbsenceWrite, span: AbsenceSpan, exceptId = NO_ID): Promise<void> {
  const overlapping = findOverlap(span, await absencesAround(w, span, exceptId));
  if (overlapping) throw refusal('overlapping_absence', pupilName(w.pupil), await describe(w.manager, overlapping));
}

function fromColumns(manager: EntityManager, row: Record<string, unknown>): Partial<AbsenceEntity> {
  const pairs = manager.connection.getMetadata(AbsenceEntity).columns.map((c) => [c.propertyName, row[c.databaseName]]);
  return Object.fromEntries(pairs);
}

interface Derived {
  periodFrom: number | null;
  excuseDueOn: CalendarDate | null;
  requiresCertificate: boolean;
  covered: PupilLesson[];
}

/** Everything that follows from the span: the lessons it covers, the deadline, the certificate rule. */
export async function deriveFromSpan(w: AbsenceWrite, span: AbsenceSpan): Promise<Derived> {
  const lessons = await lessonsOfPupil(w.manager, w.pupil.schoolId, w.pupil.id, span.startsOn, span.endsOn);
  // A late arrival belongs to the pupil's first lesson that day unless the caller named the period.
  const periodFrom = span.kind === 'LATE' && span.periodFrom == null ? lessons.find((l) => l.date === span.startsOn)?.period ?? null : span.periodFrom;
  const covered = coveredLessons({ ...span, periodFrom }, lessons);
  const exams = w.settings.certificateOnExamDays ? await examsOfPupil(w.manager, w.pupil.id, w.pupil.schoolId, span.startsOn, span.endsOn) : [];
  return {
    periodFrom, covered,
    excuseDueOn: excuseDueOn(span, w.settings, w.calendar),
    requiresCertificate: requiresCertificate(span, { certificateRequiredFrom: w.pupil.certificateRequiredFrom, settings: w.settings, calendar: w.calendar, exams, covered }),
  };
}

/** Places a new absence among the pupil's others: inserts, merges, or finds it already there. */
export async function placeDraft(w: AbsenceWrite, draft: AbsenceDraft): Promise<{ absence: AbsenceEntity; outcome: AbsenceReportOutcome }> {
  const existing = await absencesAround(w, draft);
  const placement: Placement<AbsenceEntity> = placeAbsence(draft, existing, w.calendar);
  switch (placement.action) {
    case 'refuse': throw refusal(placement.rule, pupilName(w.pupil), await describe(w.manager, placement.existing));
    case 'insert': {
      const absence = await insertDraft(w, draft);
      await removeAbsorbed(w, placement.absorbed, absence.id);
      return { absence, outcome: AbsenceReportOutcome.CREATED };
    }
    case 'extend': {
      const absence = await extendAbsence(w, placement.existing, { ...placement.existing, ...placement.span }, draft);
      await removeAbsorbed(w, placement.absorbed, absence.id);
      return { absence, outcome: AbsenceReportOutcome.MERGED };
    }
    case 'unchanged':
      return { absence: await fillIn(w, placement.existing, draft), outcome: AbsenceReportOutcome.ALREADY_REPORTED };
  }
}

/** An existing absence with the reporting person's name, for a refusal message. */
export async function describe(manager: EntityManager, absence: AbsenceEntity) {
  const [person] = absence.reporterPersonId
    ? await queryPrepared<{ name: string }>(manager, `SELECT first_name || ' ' || last_name AS name FROM persons WHERE id = $1`, [absence.reporterPersonId])
    : [];
  return { ...absence, reporterPersonName: person?.name ?? null };
}

/** A new entry with what follows from its span, its lesson links and an audit entry. */
export async function insertDraft(w: AbsenceWrite, draft: AbsenceDraft): Promise<AbsenceEntity> {
  const year = await yearOfWrite(w, draft);
  const derived = await deriveFromSpan(w, draft);
  const status = initialStatus(draft.reason);
  const decidedNow = status === 'EXCUSED' ? { excusedByPersonId: w.ctx.user!.personId, excusedAt: new Date() } : {};
  const values = {
    schoolId: w.pupil.schoolId, schoolYearId: year.id, pupilId: w.pupil.id,
    kind: draft.kind, startsOn: draft.startsOn, endsOn: draft.endsOn, periodFrom: derived.periodFrom, periodTo: draft.periodTo, minutes: draft.minutes,
    reason: draft.reason, note: draft.note, reportedBy: draft.reportedBy, reporterPersonId: draft.reporterPersonId, reporterName: draft.reporterName,
    reportedVia: draft.reportedVia, reportedAt: new Date(), enteredByPersonId: w.ctx.user!.personId,
    status, ...decidedNow, excuseReceivedOn: draft.excuseReceivedOn, excuseDueOn: derived.excuseDueOn,
    requiresCertificate: derived.requiresCertificate, leaveStatus: draft.leaveStatus,
  };
  const absence = await w.manager.save(w.manager.create(AbsenceEntity, values));
  await writeLessonLinks(w.manager, absence, derived.covered, { isNew: true });
  await recordAudit(w.manager, {
    actor: w.ctx.user!, schoolId: absence.schoolId, action: 'create', entityType: 'absences', entityId: absence.id,
    changes: { ...creationFields(values), lessons: { old: null, new: derived.covered.length } },
  });
  return absence;
}

/** A merge widens the existing entry; days it gains are not decided yet, so a decided entry is open again. */
async function extendAbsence(w: AbsenceWrite, existing: AbsenceEntity, span: AbsenceSpan, draft: AbsenceDraft): Promise<AbsenceEntity> {
  const reopened = existing.status !== initialStatus(existing.reason)
    ? { status: initialStatus(existing.reason), excusedByPersonId: null, excusedAt: null }
    : {};
  return reviseAbsence(w, existing, existing.version, { ...span, ...reopened, ...fillInValues(existing, draft) });
}

/** Already reported: only what the new report adds (a note, a written excuse through the portal). */
async function fillIn(w: AbsenceWrite, existing: AbsenceEntity, draft: AbsenceDraft): Promise<AbsenceEntity> {
  const values = fillInValues(existing, draft);
  if (Object.keys(values).length === 0) return existing;
  return updateVersioned({ manager: w.manager, entity: AbsenceEntity, label: ABSENCE_LABEL, current: existing, expectedVersion: existing.version, changes: values, actor: w.ctx.user!, schoolId: existing.schoolId });
}

function fillInValues(existing: AbsenceEntity, draft: AbsenceDraft): Partial<AbsenceEntity> {
  const values: Partial<AbsenceEntity> = {};
  if (draft.note && draft.note !== existing.note) values.note = existing.note ? `${existing.note}\n${draft.note}` : draft.note;
  if (draft.excuseReceivedOn && !existing.excuseReceivedOn) values.excuseReceivedOn = draft.excuseReceivedOn;
  return values;
}

/**
 * Changes an absence (optimistic locking on `expectedVersion`), recomputing what follows from its
 * span and rewriting its lesson links. Audited old → new per field.
 */
export async function reviseAbsence(w: AbsenceWrite, current: AbsenceEntity, expectedVersion: number, changes: Partial<AbsenceEntity>): Promise<AbsenceEntity> {
  const merged = { ...current, ...changes } as AbsenceEntity;
  const span: AbsenceSpan = { kind: merged.kind, startsOn: merged.startsOn, endsOn: merged.endsOn, periodFrom: merged.periodFrom, periodTo: merged.periodTo, minutes: merged.minutes, reason: merged.reason };
  const year = await yearOfWrite(w, span);
  const derived = await deriveFromSpan(w, span);
  const updated = await updateVersioned({
    manager: w.manager, entity: AbsenceEntity, label: ABSENCE_LABEL, current, expectedVersion, actor: w.ctx.user!, schoolId: current.schoolId,
    changes: { ...changes, schoolYearId: year.id, periodFrom: derived.periodFrom, excuseDueOn: derived.excuseDueOn, requiresCertificate: derived.requiresCertificate },
  });
  // A rejected leave keeps no lessons: the pupil was expected at school.
  await writeLessonLinks(w.manager, updated, updated.leaveStatus === 'REJECTED' ? [] : derived.covered);
  return updated;
}

async function removeAbsorbed(w: AbsenceWrite, absorbed: AbsenceEntity[], intoId: string): Promise<void> {
  for (const absence of absorbed) await deleteAbsence(w.manager, w.ctx, absence, { mergedInto: { old: null, new: intoId } });
}

/** Deletes an absence of the version read (CONFLICT otherwise); its lesson links go with it. Audits every field old → null. */
export async function deleteAbsence(manager: EntityManager, ctx: RequestContext, absence: AbsenceEntity, extra: AuditChanges = {}): Promise<void> {
  const result = await manager.delete(AbsenceEntity, { id: absence.id, version: absence.version });
  if (result.affected === 0) throw conflict(ABSENCE_LABEL, absence.version);
  const changes = Object.fromEntries(Object.entries(absence).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, { old: v, new: null }]));
  await recordAudit(manager, { actor: ctx.user!, schoolId: absence.schoolId, action: 'delete', entityType: 'absences', entityId: absence.id, changes: { ...changes, ...extra } });
}
