import { EntityManager } from 'typeorm';
import type { AbsenceKind, AbsenceStatus, AttendanceStatus, CalendarDate } from '@schulverwaltung/shared';
import { germanSortKey } from '../../common/german-sort';
import { loadAll, queryPrepared } from '../../database/prepared-query';
import { DatedLesson, loadTimetable } from '../timetable/timetable-data';
import { TimetableLesson } from '../timetable/timetable.types';
import { RegisterPupil } from './class-register.types';

// One lesson of one day for the class register: the occurrence as the timetable gives it (with the
// day's substitutions), the rights subject it makes, its pupils and what is known about them.

export interface LessonKey {
  lessonLineageId: string;
  date: CalendarDate;
  period: number;
}

// The school and groups of a lesson lineage on a day: its version valid then, and extra lessons of it.
const LINEAGE_SQL = `
  SELECT l.school_id AS "schoolId", array_agg(DISTINCT g) AS "groupIds"
  FROM (
    SELECT school_id, group_ids FROM lessons WHERE lineage_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)
    UNION ALL
    SELECT school_id, group_ids FROM substitutions WHERE lesson_lineage_id = $1 AND date = $2
  ) l, unnest(l.group_ids) g
  GROUP BY l.school_id`;

/** The lesson as it takes place that day in that period (cancelled included), or null when there is none. */
export async function findLesson(manager: EntityManager, key: LessonKey): Promise<DatedLesson | null> {
  const rows = await queryPrepared<{ schoolId: string; groupIds: string[] }>(manager, LINEAGE_SQL, [key.lessonLineageId, key.date]);
  for (const row of rows) {
    const { lessons } = await loadTimetable(manager, [row.schoolId], { by: 'GROUPS', groupIds: row.groupIds }, key.date, key.date);
    const lesson = lessons.find((l) => l.lessonLineageId === key.lessonLineageId && l.period === key.period);
    if (lesson) return lesson;
  }
  return null;
}

/** The ClassRegister rights subject: the lesson's teachers that day and the planned ones (substitutes and the substituted), its groups. */
export function registerSubject(lesson: DatedLesson) {
  const teacherIds = [...new Set([...lesson.teachers, ...(lesson.original?.teachers ?? [])].map((t) => t.id))];
  return { schoolId: lesson.schoolId, teacherIds, groupIds: lesson.groups.map((g) => g.id) };
}

export function toTimetableLesson(lesson: DatedLesson): TimetableLesson {
  return {
    uid: lesson.uid, schoolId: lesson.schoolId, date: lesson.date, weekday: lesson.weekday, period: lesson.period,
    startsAt: lesson.startsAt, endsAt: lesson.endsAt, subject: lesson.subject, teachers: lesson.teachers, groups: lesson.groups,
    room: lesson.room, status: lesson.status, substitutionKind: lesson.substitutionKind ?? null, original: lesson.original ?? null,
    text: lesson.text ?? null, lessonId: lesson.lessonId,
  };
}

interface PupilRow {
  pupilId: string;
  firstName: string;
  lastName: string;
}

// The groups' pupils: class enrolments and course members; plus anyone with a saved status (who may have left since).
const PUPILS_SQL = `
  SELECT p.id AS "pupilId", pe.first_name AS "firstName", pe.last_name AS "lastName"
  FROM pupils p JOIN persons pe ON pe.id = p.person_id
  WHERE p.id IN (
    SELECT e.pupil_id FROM enrolments e WHERE e.class_id = ANY($1) AND e.status = 'ACTIVE'
    UNION
    SELECT gp.id FROM group_members gm JOIN pupils gp ON gp.person_id = gm.person_id AND gp.school_id = gm.school_id
    WHERE gm.group_id = ANY($1) AND gm.role = 'PUPIL'
    UNION
    SELECT a.pupil_id FROM attendance a WHERE a.register_entry_id = $2
  )
  ORDER BY ${germanSortKey('pe.last_name')}, ${germanSortKey('pe.first_name')}, p.id`;

/** The pupils who belong to the lesson's groups (class enrolments, course members). */
export async function memberIdsOf(manager: EntityManager, groupIds: string[]): Promise<Set<string>> {
  const rows = await queryPrepared<PupilRow>(manager, PUPILS_SQL, [groupIds, '00000000-0000-0000-0000-000000000000']);
  return new Set(rows.map((r) => r.pupilId));
}

interface KnownAbsence {
  pupilId: string;
  absenceId: string;
  kind: AbsenceKind;
  status: AbsenceStatus;
  minutes: number | null;
}

// Reported absences covering the lesson (its stored links), and late arrivals that day in that period.
const ABSENCES_SQL = `
  SELECT al.pupil_id AS "pupilId", a.id AS "absenceId", a.kind, a.status, a.minutes
  FROM absence_lessons al JOIN absences a ON a.id = al.absence_id
  WHERE al.lesson_lineage_id = $1 AND al.date = $2 AND al.period = $3 AND (a.leave_status IS NULL OR a.leave_status <> 'REJECTED')
  UNION ALL
  SELECT a.pupil_id, a.id, a.kind, a.status, a.minutes FROM absences a
  WHERE a.school_id = $4 AND a.kind = 'LATE' AND a.starts_on = $2 AND a.period_from = $3 AND a.pupil_id = ANY($5)`;

interface SavedAttendance {
  pupilId: string;
  status: AttendanceStatus;
  lateMinutes: number | null;
}

/** Each pupil with the saved status, or else the status the reported absences suggest. */
export async function registerPupils(manager: EntityManager, lesson: DatedLesson, key: LessonKey, entryId: string | null): Promise<RegisterPupil[]> {
  const pupils = await queryPrepared<PupilRow>(manager, PUPILS_SQL, [lesson.groups.map((g) => g.id), entryId ?? '00000000-0000-0000-0000-000000000000']);
  const [absences, saved] = await loadAll(manager, [
    () => queryPrepared<KnownAbsence>(manager, ABSENCES_SQL, [key.lessonLineageId, key.date, key.period, lesson.schoolId, pupils.map((p) => p.pupilId)]),
    () => (entryId ? queryPrepared<SavedAttendance>(manager, 'SELECT pupil_id AS "pupilId", status, late_minutes AS "lateMinutes" FROM attendance WHERE register_entry_id = $1', [entryId]) : Promise.resolve([])),
  ] as const);
  const absenceOf = new Map(absences.map((a) => [a.pupilId, a]));
  const savedOf = new Map(saved.map((s) => [s.pupilId, s]));
  return pupils.map((pupil) => {
    const absence = absenceOf.get(pupil.pupilId);
    const stored = savedOf.get(pupil.pupilId);
    const suggested = absence?.kind === 'LATE' ? { status: 'LATE' as const, lateMinutes: absence.minutes } : { status: absence ? 'ABSENT' as const : 'PRESENT' as const, lateMinutes: null };
    return {
      ...pupil, ...(stored ?? suggested), isSaved: !!stored,
      absenceId: absence?.absenceId ?? null, absenceKind: absence?.kind ?? null, absenceStatus: absence?.status ?? null,
    };
  });
}
