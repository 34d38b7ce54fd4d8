import { EntityManager } from 'typeorm';
import { ABSENCE_SETTINGS_DEFAULTS, AbsenceReason, AbsenceSettingsValues, AbsenceStatus, CalendarDate } from '@schulverwaltung/shared';
import { queryPrepared } from '../../database/prepared-query';
import type { AbsenceSpan } from './absence-overlap';
import type { PupilLesson } from './absence-lessons';
import type { SchoolCalendar } from './school-calendar';

// What an absence's dates imply under the school's settings: when the written excuse is due, and
// whether only a medical certificate (Attest) can excuse it.

/** A school's absence rules as stored; version 0: the defaults, while the school has saved none. */
export interface StoredAbsenceSettings extends AbsenceSettingsValues {
  version: number;
}

const SETTINGS_SQL = `
  SELECT version, excuse_deadline_school_days AS "excuseDeadlineSchoolDays", online_excuse_allowed AS "onlineExcuseAllowed",
         certificate_on_exam_days AS "certificateOnExamDays", certificate_next_to_holidays AS "certificateNextToHolidays",
         leave_class_teacher_max_days AS "leaveClassTeacherMaxDays", letter_after_unexcused_days AS "letterAfterUnexcusedDays",
         letter_after_unexcused_lessons AS "letterAfterUnexcusedLessons", topic_required_from_grade AS "topicRequiredFromGrade"
  FROM absence_settings WHERE school_id = $1`;

/** The one reader of a school's absence rules (entry, decisions, class register, the settings query). */
export async function loadAbsenceSettings(manager: EntityManager, schoolId: string): Promise<StoredAbsenceSettings> {
  const [row] = await queryPrepared<StoredAbsenceSettings>(manager, SETTINGS_SQL, [schoolId]);
  return row ?? { ...ABSENCE_SETTINGS_DEFAULTS, version: 0 };
}

/** A leave is decided in advance and a school event needs no excuse: neither waits for a sick note. */
export function needsWrittenExcuse(reason: AbsenceReason): boolean {
  return reason !== 'LEAVE' && reason !== 'SCHOOL_EVENT';
}

/** A school event is the school's own business: excused from the start. Everything else starts as reported. */
export function initialStatus(reason: AbsenceReason): AbsenceStatus {
  return reason === 'SCHOOL_EVENT' ? 'EXCUSED' : 'REPORTED';
}

/**
 * The written excuse is due `excuseDeadlineSchoolDays` school days after the pupil is back: after
 * whole days from the first school day after them (back on Monday, 3 days → Thursday), after a part
 * of a day from that day.
 */
export function excuseDueOn(span: AbsenceSpan, settings: AbsenceSettingsValues, calendar: SchoolCalendar): CalendarDate | null {
  if (!needsWrittenExcuse(span.reason)) return null;
  const back = span.kind === 'DAYS' ? calendar.nextSchoolDay(span.endsOn) : span.startsOn;
  return calendar.addSchoolDays(back, settings.excuseDeadlineSchoolDays);
}

export interface CertificateFacts {
  /** Attestpflicht of the pupil from this day on */
  certificateRequiredFrom: CalendarDate | null;
  settings: AbsenceSettingsValues;
  calendar: SchoolCalendar;
  /** exams of the pupil's groups in the span: group and day */
  exams: { groupId: string; date: CalendarDate }[];
  /** the lessons the absence covers */
  covered: PupilLesson[];
}

/**
 * Only a medical certificate excuses it when the pupil has an Attestpflicht on one of its days, or
 * (by the school's settings) it touches an exam of one of the pupil's groups or a school day right
 * before or after holidays. A late arrival never needs one.
 */
export function requiresCertificate(span: AbsenceSpan, facts: CertificateFacts): boolean {
  if (span.kind === 'LATE' || span.reason === 'SCHOOL_EVENT' || span.reason === 'LEAVE') return false;
  if (facts.certificateRequiredFrom && facts.certificateRequiredFrom <= span.endsOn) return true;
  const days = facts.calendar.schoolDaysIn(span.startsOn, span.endsOn);
  if (facts.settings.certificateNextToHolidays && days.some((day) => facts.calendar.isNextToHolidays(day))) return true;
  return facts.settings.certificateOnExamDays && facts.exams.some((exam) => missesExam(span, exam, facts.covered));
}

// Whole days miss every exam of their days; part of a day only the exams of the groups whose lessons it covers.
function missesExam(span: AbsenceSpan, exam: { groupId: string; date: CalendarDate }, covered: PupilLesson[]): boolean {
  if (exam.date < span.startsOn || exam.date > span.endsOn) return false;
  if (span.kind === 'DAYS') return true;
  return covered.some((lesson) => lesson.date === exam.date && lesson.groups.some((group) => group.id === exam.groupId));
}

// Exams of the pupil's groups (class of the enrolment, courses and working groups).
const EXAMS_OF_PUPIL_SQL = `
  SELECT x.group_id AS "groupId", x.date FROM exams x
  WHERE x.school_id = $2 AND x.date BETWEEN $3 AND $4 AND x.group_id IN (
    SELECT e.class_id FROM enrolments e WHERE e.pupil_id = $1 AND e.class_id IS NOT NULL
    UNION
    SELECT gm.group_id FROM group_members gm JOIN pupils p ON p.person_id = gm.person_id AND p.school_id = gm.school_id
    WHERE p.id = $1 AND gm.role = 'PUPIL')`;

export function examsOfPupil(manager: EntityManager, pupilId: string, schoolId: string, from: CalendarDate, to: CalendarDate) {
  return queryPrepared<{ groupId: string; date: CalendarDate }>(manager, EXAMS_OF_PUPIL_SQL, [pupilId, schoolId, from, to]);
}
