import type { EntityManager } from 'typeorm';
import type { WeekPattern } from '@schulverwaltung/shared';
import { notFound } from '../../../common/app-error';
import type { UntisAliasKind } from '../untis-alias.entity';

// Everything of one school that an Untis import is matched and diffed against, read in a few
// statements at the start of the import (inside its transaction, so the diff sees one state).

export interface SnapshotSchool { id: string; schoolNumber: string; name: string }
export interface SnapshotSchoolYear { id: string; name: string; startsOn: string; endsOn: string }
export interface SnapshotTeacher { personId: string; abbreviation: string; firstName: string; lastName: string }
export interface SnapshotGroup { id: string; kind: string; name: string; subjectId: string | null; externalId: string | null }
export interface SnapshotNamed { id: string; shortName: string; name: string | null }
export interface SnapshotPupil {
  id: string; personId: string; externalId: string | null; firstName: string; lastName: string; birthDate: string | null; className: string | null;
}
export interface SnapshotLesson {
  id: string; lineageId: string; untisNumber: number | null; subjectId: string | null; teacherIds: string[]; groupIds: string[];
  weeklyHours: number; lessonGroup: string | null; weekPattern: WeekPattern; studentGroup: string | null; text: string | null;
  validFrom: string; validTo: string | null;
}
export interface SnapshotEntry {
  id: string; lessonLineageId: string; weekday: number; period: number; roomId: string | null; validFrom: string; validTo: string | null; sequence: number;
}
export interface SnapshotSubstitution {
  id: string; date: string; period: number; lessonLineageId: string | null; kind: string; absentTeacherIds: string[];
  substituteTeacherIds: string[]; substituteSubjectId: string | null; substituteRoomId: string | null; groupIds: string[];
  reason: string | null; text: string | null; untisId: number | null; revision: number;
}
export interface SnapshotHoliday { id: string; name: string; startsOn: string; endsOn: string; kind: string }
export interface SnapshotPeriod { id: string; weekday: number; period: number; startsAt: string; endsAt: string; label: string | null }

export interface SchoolSnapshot {
  school: SnapshotSchool;
  schoolYear: SnapshotSchoolYear;
  teachers: SnapshotTeacher[];
  groups: SnapshotGroup[];
  subjects: SnapshotNamed[];
  rooms: SnapshotNamed[];
  pupils: SnapshotPupil[];
  aliases: { kind: UntisAliasKind; untisName: string; targetId: string }[];
  /** lesson versions and entries that are valid on or after the import's valid-from date */
  lessons: SnapshotLesson[];
  entries: SnapshotEntry[];
  holidays: SnapshotHoliday[];
  timeGrid: SnapshotPeriod[];
}

export async function loadSchool(manager: EntityManager, schoolNumber: string): Promise<SnapshotSchool> {
  const [school] = await manager.query(`SELECT id, school_number AS "schoolNumber", name FROM schools WHERE school_number = $1`, [schoolNumber]);
  if (!school) throw notFound(`Die Schule mit der Schulnummer ${schoolNumber}`);
  return school;
}

/** The school year that contains `date`, or null. */
export async function schoolYearOn(manager: EntityManager, schoolId: string, date: string): Promise<SnapshotSchoolYear | null> {
  const [year] = await manager.query(
    `SELECT id, name, starts_on AS "startsOn", ends_on AS "endsOn" FROM school_years WHERE school_id = $1 AND starts_on <= $2 AND ends_on >= $2`,
    [schoolId, date],
  );
  return year ?? null;
}

export async function loadSnapshot(manager: EntityManager, school: SnapshotSchool, schoolYear: SnapshotSchoolYear, validFrom: string): Promise<SchoolSnapshot> {
  // One after the other: inside a transaction they share one connection.
  const q = <T>(sql: string, params: unknown[]) => manager.query(sql, params) as Promise<T[]>;
  const teachers = await q<SnapshotTeacher>(`SELECT DISTINCT ON (m.person_id) m.person_id AS "personId", m.abbreviation, pe.first_name AS "firstName", pe.last_name AS "lastName"
      FROM memberships m JOIN persons pe ON pe.id = m.person_id
      WHERE m.school_id = $1 AND m.abbreviation IS NOT NULL AND (m.valid_to IS NULL OR m.valid_to >= $2)
      ORDER BY m.person_id, m.valid_from DESC`, [school.id, schoolYear.startsOn]);
  const groups = await q<SnapshotGroup>(`SELECT id, kind, name, subject_id AS "subjectId", external_id AS "externalId" FROM groups WHERE school_year_id = $1`, [schoolYear.id]);
  const subjects = await q<SnapshotNamed>(`SELECT id, short_name AS "shortName", name FROM subjects WHERE school_id = $1`, [school.id]);
  const rooms = await q<SnapshotNamed>(`SELECT id, short_name AS "shortName", name FROM rooms WHERE school_id = $1`, [school.id]);
  const pupils = await q<SnapshotPupil>(`SELECT p.id, p.person_id AS "personId", p.external_id AS "externalId", pe.first_name AS "firstName", pe.last_name AS "lastName",
        pe.birth_date AS "birthDate", g.name AS "className"
      FROM pupils p JOIN persons pe ON pe.id = p.person_id
      LEFT JOIN enrolments e ON e.pupil_id = p.id AND e.school_year_id = $2 LEFT JOIN groups g ON g.id = e.class_id
      WHERE p.school_id = $1`, [school.id, schoolYear.id]);
  const aliases = await q<SchoolSnapshot['aliases'][number]>(`SELECT kind, untis_name AS "untisName", target_id AS "targetId" FROM untis_aliases WHERE school_id = $1`, [school.id]);
  const lessons = await q<SnapshotLesson>(`SELECT id, lineage_id AS "lineageId", untis_number AS "untisNumber", subject_id AS "subjectId", teacher_ids AS "teacherIds",
        group_ids AS "groupIds", weekly_hours AS "weeklyHours", lesson_group AS "lessonGroup", week_pattern AS "weekPattern",
        student_group AS "studentGroup", text, valid_from AS "validFrom", valid_to AS "validTo"
      FROM lessons WHERE school_year_id = $1 AND (valid_to IS NULL OR valid_to >= $2) ORDER BY valid_from`, [schoolYear.id, validFrom]);
  const entries = await q<SnapshotEntry>(`SELECT id, lesson_lineage_id AS "lessonLineageId", weekday, period, room_id AS "roomId", valid_from AS "validFrom",
        valid_to AS "validTo", sequence
      FROM timetable_entries WHERE school_year_id = $1 AND (valid_to IS NULL OR valid_to >= $2) ORDER BY valid_from`, [schoolYear.id, validFrom]);
  const holidays = await q<SnapshotHoliday>(`SELECT id, name, starts_on AS "startsOn", ends_on AS "endsOn", kind FROM holidays WHERE school_year_id = $1`, [schoolYear.id]);
  const timeGrid = await q<SnapshotPeriod>(`SELECT id, weekday, period, starts_at AS "startsAt", ends_at AS "endsAt", label FROM time_grid_periods WHERE school_id = $1`, [school.id]);
  return { school, schoolYear, teachers, groups, subjects, rooms, pupils, aliases, lessons, entries, holidays, timeGrid };
}

/** Substitutions the import may replace: Untis ones within the dates the GPU014 file covers. */
export function loadSubstitutions(manager: EntityManager, schoolId: string, from: string, to: string): Promise<SnapshotSubstitution[]> {
  return manager.query(`SELECT id, date, period, lesson_lineage_id AS "lessonLineageId", kind, absent_teacher_ids AS "absentTeacherIds",
      substitute_teacher_ids AS "substituteTeacherIds", substitute_subject_id AS "substituteSubjectId", substitute_room_id AS "substituteRoomId",
      group_ids AS "groupIds", reason, text, untis_id AS "untisId", revision
    FROM substitutions WHERE school_id = $1 AND date BETWEEN $2 AND $3 AND untis_id IS NOT NULL`, [schoolId, from, to]);
}
