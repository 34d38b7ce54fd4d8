import { EntityManager } from 'typeorm';
import type { CalendarDate } from '@schulverwaltung/shared';
import { queryPrepared } from '../../database/prepared-query';
import { DatedLesson, loadTimetable } from '../timetable/timetable-data';
import type { AbsenceSpan } from './absence-overlap';
import { AbsenceLessonEntity } from './absence-lesson.entity';

// The timetable lessons an absence covers: the pupil's lessons (class, courses, working groups) as
// the timetable expansion gives them, substitutions applied — a cancelled lesson is not missed.
// They are stored as absence_lessons whenever the absence is written, so that the class register
// and the statistics count the same lessons.

/** A lesson the pupil attends on a day: a timetable lesson that takes place, with its version. */
export interface PupilLesson extends DatedLesson {
  lessonLineageId: string;
  lessonId: string;
}

// A pupil's groups in the school years overlapping [from, to]: the class of each enrolment, and the
// courses and working groups they belong to.
const PUPIL_GROUPS_SQL = `
  SELECT ARRAY(
    SELECT e.class_id FROM enrolments e JOIN school_years sy ON sy.id = e.school_year_id
    WHERE e.pupil_id = p.id AND e.class_id IS NOT NULL AND sy.starts_on <= $3 AND sy.ends_on >= $2
    UNION
    SELECT gm.group_id FROM group_members gm JOIN groups g ON g.id = gm.group_id JOIN school_years sy ON sy.id = g.school_year_id
    WHERE gm.person_id = p.person_id AND gm.school_id = p.school_id AND gm.role = 'PUPIL' AND sy.starts_on <= $3 AND sy.ends_on >= $2
  ) AS "groupIds"
  FROM pupils p WHERE p.id = $1`;

/** The lessons the pupil attends in [from, to] that take place (not cancelled), by date and period. */
export async function lessonsOfPupil(manager: EntityManager, schoolId: string, pupilId: string, from: CalendarDate, to: CalendarDate): Promise<PupilLesson[]> {
  const [row] = await queryPrepared<{ groupIds: string[] }>(manager, PUPIL_GROUPS_SQL, [pupilId, from, to]);
  if (!row || row.groupIds.length === 0) return [];
  const { lessons } = await loadTimetable(manager, [schoolId], { by: 'GROUPS', groupIds: row.groupIds }, from, to);
  return lessons.filter((lesson): lesson is PupilLesson => lesson.status !== 'CANCELLED' && !!lesson.lessonLineageId && !!lesson.lessonId);
}

/** Does the absence cover this lesson? A late arrival covers none: the pupil was there. */
export function covers(span: Pick<AbsenceSpan, 'kind' | 'startsOn' | 'endsOn' | 'periodFrom' | 'periodTo'>, lesson: { date: CalendarDate; period: number }): boolean {
  if (lesson.date < span.startsOn || lesson.date > span.endsOn) return false;
  switch (span.kind) {
    case 'DAYS': return true;
    case 'PERIODS': return lesson.period >= (span.periodFrom ?? 1) && lesson.period <= (span.periodTo ?? span.periodFrom ?? 1);
    case 'EARLY_LEAVE': return lesson.period >= (span.periodFrom ?? 1);
    case 'LATE': return false;
  }
}

/** The lessons of the span, once each (one lesson in one period may have two entries, e.g. two rooms). */
export function coveredLessons(span: Parameters<typeof covers>[0], lessons: PupilLesson[]): PupilLesson[] {
  const seen = new Set<string>();
  return lessons.filter((lesson) => {
    const key = `${lesson.lessonLineageId}|${lesson.date}|${lesson.period}`;
    if (!covers(span, lesson) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Replaces the stored lesson links of an absence (a new one has none to replace). */
export async function writeLessonLinks(
  manager: EntityManager, absence: { id: string; schoolId: string; pupilId: string }, lessons: PupilLesson[], { isNew = false } = {},
): Promise<void> {
  if (!isNew) await manager.delete(AbsenceLessonEntity, { absenceId: absence.id });
  if (lessons.length === 0) return;
  await manager.insert(AbsenceLessonEntity, lessons.map((lesson) => ({
    absenceId: absence.id, schoolId: absence.schoolId, pupilId: absence.pupilId,
    date: lesson.date, period: lesson.period, lessonLineageId: lesson.lessonLineageId, lessonId: lesson.lessonId,
  })));
}

interface LinkedAbsence {
  id: string;
  schoolId: string;
  pupilId: string;
  kind: AbsenceSpan['kind'];
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  periodFrom: number | null;
  periodTo: number | null;
  links: string[];
}

// Absences still running on or after a day, with their stored links as "lineage|date|period".
// A late arrival covers no lesson; a rejected leave keeps none.
const ABSENCES_FROM_SQL = `
  SELECT a.id, a.school_id AS "schoolId", a.pupil_id AS "pupilId", a.kind, a.starts_on AS "startsOn", a.ends_on AS "endsOn",
         a.period_from AS "periodFrom", a.period_to AS "periodTo",
         ARRAY(SELECT al.lesson_lineage_id || '|' || al.date || '|' || al.period FROM absence_lessons al WHERE al.absence_id = a.id) AS links
  FROM absences a
  WHERE a.school_id = $1 AND a.ends_on >= $2 AND a.kind <> 'LATE' AND (a.leave_status IS NULL OR a.leave_status <> 'REJECTED')
  ORDER BY a.pupil_id, a.starts_on`;

/**
 * After the timetable changed from a day on (an Untis import), links every absence still running
 * then to the lessons as they now take place — so the class register pre-fills, and statistics
 * count, the lessons really missed. Returns how many absences got new links.
 */
export async function relinkAbsencesFrom(manager: EntityManager, schoolId: string, from: CalendarDate): Promise<number> {
  const absences = await queryPrepared<LinkedAbsence>(manager, ABSENCES_FROM_SQL, [schoolId, from]);
  let relinked = 0;
  for (const absence of absences) {
    const lessons = coveredLessons(absence, await lessonsOfPupil(manager, schoolId, absence.pupilId, absence.startsOn, absence.endsOn));
    const now = lessons.map((lesson) => `${lesson.lessonLineageId}|${lesson.date}|${lesson.period}`).sort();
    if (now.join() === [...absence.links].sort().join()) continue;
    await writeLessonLinks(manager, absence, lessons);
    relinked++;
  }
  return relinked;
}
