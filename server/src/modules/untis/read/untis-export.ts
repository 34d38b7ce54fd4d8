import type { WeekPattern } from '@schulverwaltung/shared';

// The normalised content of one Untis export (GPU files and/or XML), independent of the file
// format it came from. The readers under read/ produce it; the importer matches it against the
// school's data. Every record keeps where it came from, so an error can name file, line and field.

/** Where a value was read: file name as uploaded, 1-based line, 1-based field (CSV position). */
export interface SourceRef {
  file: string;
  line: number;
  field?: number;
  /** German name of the field, e.g. "Wochentag"; shown in messages after the field number */
  fieldName?: string;
}

export type UntisFileKind =
  | 'GPU001' | 'GPU002' | 'GPU003' | 'GPU004' | 'GPU005' | 'GPU006' | 'GPU010'
  | 'GPU014' | 'GPU015' | 'GPU018' | 'XML';

/** A file that was read: which kind, how it was decoded, how many records it held. */
export interface UntisFileInfo {
  name: string;
  kind: UntisFileKind | 'UNSUPPORTED';
  /** e.g. "GPU009" for a known but unsupported GPU file, or "unknown" */
  detectedAs: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  separator?: ',' | ';' | '\t';
  records: number;
  sha256: string;
  bytes: number;
}

export interface UntisWarning {
  ref: SourceRef;
  /** German, shown to the admin as is */
  message: string;
}

/** Weekday 1 = Monday … 7 = Sunday (ISO); period is the 1-based index into the school's time grid. */
export interface UntisTimeSlot {
  weekday: number;
  period: number;
  /** "HH:MM" */
  startsAt: string;
  endsAt: string;
  label?: string;
  ref: SourceRef;
}

export interface UntisTeacher {
  shortName: string;
  lastName?: string;
  firstName?: string;
  email?: string;
  ref: SourceRef;
}

export interface UntisClass {
  shortName: string;
  longName?: string;
  /** ISO dates "YYYY-MM-DD" */
  validFrom?: string;
  validTo?: string;
  ref: SourceRef;
}

export interface UntisRoom {
  shortName: string;
  name?: string;
  capacity?: number;
  ref: SourceRef;
}

export interface UntisSubject {
  shortName: string;
  name?: string;
  ref: SourceRef;
}

/** When a lesson runs (every week, odd/even weeks, A/B cycle, Untis day-by-day string): see shared/timetable. */
export type { WeekPattern };

/**
 * One coupling line of an Untis lesson: one teacher (may be absent for duties), one subject,
 * the classes of that line. A lesson number with several lines is a coupling.
 */
export interface UntisLessonLine {
  lessonNumber: number;
  /** 0-based position of the line inside its lesson, in file order */
  lineIndex: number;
  teacher?: string;
  subject?: string;
  classes: string[];
  /** subject room(s) of the line */
  rooms: string[];
  /** weekly periods of the whole lesson (GPU002 field 2) */
  weeklyHours: number;
  /** Untis lesson group (Unterrichtsgruppe), e.g. "UW", "GW", "1SEM" */
  lessonGroup?: string;
  /** pattern when the source carries one (XML); GPU leaves it to the lesson-group mapping */
  weekPattern?: WeekPattern;
  /** student group (GPU002 field 42), used to match course choices */
  studentGroup?: string;
  validFrom?: string;
  validTo?: string;
  text?: string;
  ref: SourceRef;
}

/**
 * One placed period: lesson (and line, where the source tells it) at weekday/period in a room.
 * GPU001's class × teacher cross product is already collapsed: one placement per
 * (lesson, teacher, subject, weekday, period).
 */
export interface UntisPlacement {
  lessonNumber: number;
  teacher?: string;
  subject?: string;
  classes: string[];
  weekday: number;
  period: number;
  room?: string;
  /** all rooms, only set when the source names more than one (GPU001 `"CAD2~R001"`); `room` is the first */
  rooms?: string[];
  /** the coupling line, when the source tells it (XML: the last two digits of the lesson id) */
  lineIndex?: number;
  ref: SourceRef;
}

export type UntisSubstitutionKind =
  | 'SUBSTITUTION' | 'CANCELLATION' | 'ROOM_CHANGE' | 'SUPERVISION' | 'SPECIAL_DUTY' | 'SHIFTED'
  | 'RELEASE' | 'EXCHANGE' | 'EXTRA' | 'EXAM' | 'BREAK_SUPERVISION' | 'OTHER';

export interface UntisSubstitution {
  untisId: number;
  /** ISO date */
  date: string;
  period: number;
  lessonNumber?: number;
  kind: UntisSubstitutionKind;
  absentTeacher?: string;
  substituteTeacher?: string;
  subject?: string;
  substituteSubject?: string;
  rooms: string[];
  substituteRooms: string[];
  classes: string[];
  substituteClasses: string[];
  reason?: string;
  text?: string;
  ref: SourceRef;
}

export interface UntisPupil {
  /** Untis key (GPU010 field 1) */
  key: string;
  lastName?: string;
  firstName?: string;
  className?: string;
  /** ISO date */
  birthDate?: string;
  ref: SourceRef;
}

export interface UntisCourseChoice {
  pupilKey: string;
  lessonNumber?: number;
  subject?: string;
  className?: string;
  ref: SourceRef;
}

export interface UntisHoliday {
  shortName: string;
  name?: string;
  startsOn: string;
  endsOn: string;
  isPublicHoliday: boolean;
  ref: SourceRef;
}

export interface UntisExport {
  files: UntisFileInfo[];
  /** which kinds of content the files carried: only these are reconciled */
  present: {
    timeGrid: boolean; teachers: boolean; classes: boolean; rooms: boolean; subjects: boolean;
    lessons: boolean; placements: boolean; substitutions: boolean; pupils: boolean;
    courseChoices: boolean; holidays: boolean;
  };
  /** XML general section / export range, when known (ISO dates) */
  schoolNumber?: string;
  rangeFrom?: string;
  rangeTo?: string;
  timeGrid: UntisTimeSlot[];
  teachers: UntisTeacher[];
  classes: UntisClass[];
  rooms: UntisRoom[];
  subjects: UntisSubject[];
  lessonLines: UntisLessonLine[];
  placements: UntisPlacement[];
  substitutions: UntisSubstitution[];
  pupils: UntisPupil[];
  courseChoices: UntisCourseChoice[];
  holidays: UntisHoliday[];
  warnings: UntisWarning[];
}

/** Input that cannot be read at all. The message is German and names file, line and field. */
export class UntisReadError extends Error {
  constructor(readonly ref: SourceRef, readonly reason: string) {
    super(`${ref.file}${ref.line ? ` Zeile ${ref.line}` : ''}${ref.field ? `, Feld ${ref.field}` : ''}${ref.fieldName ? ` (${ref.fieldName})` : ''}: ${reason}`);
    this.name = 'UntisReadError';
  }
}

/** One uploaded file (or one entry of an uploaded ZIP). */
export interface UntisInputFile {
  name: string;
  bytes: Uint8Array;
}
