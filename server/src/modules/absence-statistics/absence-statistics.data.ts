import { EntityManager } from 'typeorm';
import {
  ABSENCE_SETTINGS_DEFAULTS, AbsenceCount, AbsenceSettingsValues, CountableAbsence, countAbsences, GroupKind,
} from '@schulverwaltung/shared';
import { germanSortKey } from '../../common/german-sort';
import { loadAll, queryPrepared } from '../../database/prepared-query';
import { DatedLesson, loadTimetable } from '../timetable/timetable-data';

// What the statistics read, for one pupil or a whole class, in a fixed number of statements: the
// pupils with their groups, their absences with the linked lessons, and the timetable of all their
// groups at once (expanded once, then split per pupil in memory).

/** Upper school (Oberstufe): from this grade on, missed lessons are also counted per course. */
export const UPPER_SCHOOL_FROM_GRADE = 11;

export interface StatisticsYear {
  id: string;
  schoolId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  midYearOn: string;
}

export interface StatisticsGroup {
  id: string;
  name: string;
  kind: GroupKind;
  subjectName: string | null;
}

export interface StatisticsPupil {
  pupilId: string;
  schoolId: string;
  personId: string;
  firstName: string;
  lastName: string;
  gender: string | null;
  birthDate: string | null;
  classId: string | null;
  className: string | null;
  gradeLevel: number | null;
  /** courses and working groups the pupil belongs to in the school year */
  groups: StatisticsGroup[];
}

export interface SchoolContext {
  year: StatisticsYear;
  settings: AbsenceSettingsValues & { id: string | null; version: number };
}

export interface PupilCount {
  pupil: StatisticsPupil;
  count: AbsenceCount;
  isUpperSchool: boolean;
}

const YEAR_AND_SETTINGS_SQL = `
  SELECT json_build_object('id', sy.id, 'schoolId', sy.school_id, 'name', sy.name, 'startsOn', sy.starts_on,
           'endsOn', sy.ends_on, 'midYearOn', sy.mid_year_on) AS year,
         (SELECT json_build_object('id', s.id, 'version', s.version, 'excuseDeadlineSchoolDays', s.excuse_deadline_school_days,
            'onlineExcuseAllowed', s.online_excuse_allowed, 'certificateOnExamDays', s.certificate_on_exam_days,
            'certificateNextToHolidays', s.certificate_next_to_holidays, 'leaveClassTeacherMaxDays', s.leave_class_teacher_max_days,
            'letterAfterUnexcusedDays', s.letter_after_unexcused_days, 'letterAfterUnexcusedLessons', s.letter_after_unexcused_lessons,
            'topicRequiredFromGrade', s.topic_required_from_grade)
          FROM absence_settings s WHERE s.school_id = sy.school_id) AS settings
  FROM school_years sy
  WHERE sy.school_id = $1 AND (sy.id = $2 OR ($2 IS NULL AND sy.is_current))`;

/** The school year (the given one, or the school's current one) and the absence settings; null without such a year. */
export async function loadSchoolContext(manager: EntityManager, schoolId: string, schoolYearId: string | null): Promise<SchoolContext | null> {
  const [row] = await queryPrepared<{ year: StatisticsYear; settings: SchoolContext['settings'] | null }>(manager, YEAR_AND_SETTINGS_SQL, [schoolId, schoolYearId]);
  if (!row) return null;
  return { year: row.year, settings: row.settings ?? { ...ABSENCE_SETTINGS_DEFAULTS, id: null, version: 0 } };
}

// $1 the pupils or the class, $2 the school year. The class is the enrolment's of that year.
const pupilsSql = (where: string) => `
  SELECT p.id AS "pupilId", p.school_id AS "schoolId", p.person_id AS "personId", pe.first_name AS "firstName",
         pe.last_name AS "lastName", pe.gender, pe.birth_date AS "birthDate",
         c.id AS "classId", c.name AS "className", c.grade_level AS "gradeLevel",
         (SELECT coalesce(json_agg(json_build_object('id', g.id, 'name', g.name, 'kind', g.kind, 'subjectName', sub.name) ORDER BY g.name), '[]')
          FROM group_members gm JOIN groups g ON g.id = gm.group_id LEFT JOIN subjects sub ON sub.id = g.subject_id
          WHERE gm.person_id = p.person_id AND gm.school_id = p.school_id AND gm.role = 'PUPIL' AND g.school_year_id = $2) AS groups
  FROM pupils p
  JOIN persons pe ON pe.id = p.person_id
  LEFT JOIN enrolments e ON e.pupil_id = p.id AND e.school_year_id = $2
  LEFT JOIN groups c ON c.id = e.class_id
  WHERE ${where}
  ORDER BY ${germanSortKey('pe.last_name')}, ${germanSortKey('pe.first_name')}, p.id`;

// Pupils who left keep their enrolment row but are off the class, as on the class list.
const CLASS_PUPILS_SQL = pupilsSql(`e.class_id = $1 AND e.status = 'ACTIVE'`);
const PUPIL_SQL = pupilsSql('p.id = $1');

export function loadPupilsOfClass(manager: EntityManager, classId: string, schoolYearId: string): Promise<StatisticsPupil[]> {
  return queryPrepared<StatisticsPupil>(manager, CLASS_PUPILS_SQL, [classId, schoolYearId]);
}

export async function loadPupil(manager: EntityManager, pupilId: string, schoolYearId: string): Promise<StatisticsPupil> {
  const [pupil] = await queryPrepared<StatisticsPupil>(manager, PUPIL_SQL, [pupilId, schoolYearId]);
  return pupil;
}

type AbsenceRow = CountableAbsence & { pupilId: string };

// Every absence touching the range, with the lessons it was linked to.
const ABSENCES_SQL = `
  SELECT a.id, a.pupil_id AS "pupilId", a.kind, a.starts_on AS "startsOn", a.ends_on AS "endsOn",
         a.period_from AS "periodFrom", a.period_to AS "periodTo", a.minutes, a.reason, a.status, a.leave_status AS "leaveStatus",
         (SELECT coalesce(json_agg(json_build_object('date', al.date, 'period', al.period)), '[]')
          FROM absence_lessons al WHERE al.absence_id = a.id) AS lessons
  FROM absences a
  WHERE a.school_id = $1 AND a.pupil_id = ANY($2) AND a.starts_on <= $4 AND a.ends_on >= $3
  ORDER BY a.starts_on, a.id`;

function loadAbsences(manager: EntityManager, schoolId: string, pupilIds: string[], from: string, to: string): Promise<AbsenceRow[]> {
  return queryPrepared<AbsenceRow>(manager, ABSENCES_SQL, [schoolId, pupilIds, from, to]);
}

/** Counts the absences of each pupil in [from, to]: two statements for absences and pupils' timetable, whatever the class size. */
export async function countForPupils(
  manager: EntityManager, schoolId: string, pupils: StatisticsPupil[], from: string, to: string,
): Promise<PupilCount[]> {
  if (pupils.length === 0) return [];
  const groupIds = [...new Set(pupils.flatMap(groupIdsOf))];
  const [absences, timetable] = await loadAll(manager, [
    () => loadAbsences(manager, schoolId, pupils.map((p) => p.pupilId), from, to),
    // Also without groups: the days off are needed to count whole days without a timetable.
    () => loadTimetable(manager, [schoolId], { by: 'GROUPS', groupIds }, from, to),
  ] as const);
  return pupils.map((pupil) => {
    const isUpperSchool = isUpperSchoolPupil(pupil);
    const count = countAbsences({
      from, to,
      lessons: lessonsOf(pupil, timetable.lessons),
      absences: absences.filter((a) => a.pupilId === pupil.pupilId),
      daysOff: timetable.daysOff,
      courseGroupIds: isUpperSchool ? pupil.groups.filter((g) => g.kind === 'COURSE').map((g) => g.id) : [],
    });
    return { pupil, count, isUpperSchool };
  });
}

function groupIdsOf(pupil: StatisticsPupil): string[] {
  return [...(pupil.classId ? [pupil.classId] : []), ...pupil.groups.map((g) => g.id)];
}

function lessonsOf(pupil: StatisticsPupil, lessons: DatedLesson[]): DatedLesson[] {
  const own = new Set(groupIdsOf(pupil));
  return lessons.filter((lesson) => lesson.groups.some((group) => own.has(group.id)));
}

// Grade 11 and up; a pupil without a class counts as upper school when they take courses.
function isUpperSchoolPupil(pupil: StatisticsPupil): boolean {
  if (pupil.gradeLevel !== null) return pupil.gradeLevel >= UPPER_SCHOOL_FROM_GRADE;
  return pupil.classId === null && pupil.groups.some((g) => g.kind === 'COURSE');
}

const CLASS_HEADER_SQL = `
  SELECT s.name AS "schoolName",
         (SELECT coalesce(json_agg(pe.first_name || ' ' || pe.last_name ORDER BY gm.position, pe.last_name), '[]')
          FROM group_members gm JOIN persons pe ON pe.id = gm.person_id WHERE gm.group_id = g.id AND gm.role = 'CLASS_TEACHER') AS "classTeachers"
  FROM groups g JOIN schools s ON s.id = g.school_id
  WHERE g.id = $1`;

/** School name and class teachers, for the head of an export. */
export async function loadClassHeader(manager: EntityManager, classId: string): Promise<{ schoolName: string; classTeachers: string[] }> {
  const [header] = await queryPrepared<{ schoolName: string; classTeachers: string[] }>(manager, CLASS_HEADER_SQL, [classId]);
  return header;
}
