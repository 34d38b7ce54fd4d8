import { MAX_LATE_MINUTES } from '@schulverwaltung/shared';
import type { AbsenceKind, AbsenceStatus, AttendanceInput, AttendanceStatus } from '@/api/generated/graphql';

// The attendance of one lesson as the teacher edits it: one row per pupil, pre-filled by the
// server (saved statuses, else reported absences), changed by click or key, sent as a whole.

export interface RegisterPupilData {
  pupilId: string;
  firstName: string;
  lastName: string;
  status: AttendanceStatus;
  lateMinutes?: number | null;
  isSaved: boolean;
  absenceId?: string | null;
  absenceKind?: AbsenceKind | null;
  absenceStatus?: AbsenceStatus | null;
}

export interface AttendanceRow extends RegisterPupilData {
  /** The minutes field as typed: an empty or half-typed field stays as it is until saved. */
  minutes: string;
}

export function rowsFromPupils(pupils: readonly RegisterPupilData[]): AttendanceRow[] {
  return pupils.map((pupil) => ({ ...pupil, minutes: pupil.lateMinutes == null ? '' : String(pupil.lateMinutes) }));
}

/** The row with another status; the minutes stay typed, so switching back to late keeps them. */
export function withStatus(row: AttendanceRow, status: AttendanceStatus): AttendanceRow {
  return { ...row, status };
}

/**
 * "Alle anwesend": everyone present — except the pupils an absence was reported for, whom the
 * office already knows to be away; the teacher changes those one by one when they did come.
 */
export function markAllPresent(rows: readonly AttendanceRow[]): AttendanceRow[] {
  return rows.map((row) => (hasReportedAbsence(row) ? row : withStatus(row, 'PRESENT')));
}

/** An absence covering the lesson was reported (a reported late arrival is not an absence). */
export const hasReportedAbsence = (row: RegisterPupilData): boolean => !!row.absenceId && row.absenceKind !== 'LATE';

/** The status shown comes from a report, not from the teacher: marked so they can check it. */
export const isPreFilled = (row: RegisterPupilData): boolean => !row.isSaved && !!row.absenceId;

/**
 * Present (or late) although a reported absence covers the lesson: the pupil came after all.
 * Saved like that, the class teacher sees it as a conflict and decides.
 */
export const contradictsReport = (row: RegisterPupilData): boolean => hasReportedAbsence(row) && row.status !== 'ABSENT';

export type MinutesProblem = 'required' | 'range';

/** What is wrong with a late pupil's minutes (whole minutes from 1 to the shared maximum). */
export function minutesProblem(row: AttendanceRow): MinutesProblem | null {
  if (row.status !== 'LATE') return null;
  const text = row.minutes.trim();
  if (text === '') return 'required';
  const minutes = Number(text);
  return Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_LATE_MINUTES ? null : 'range';
}

/** The index of the first row that cannot be saved yet, or -1. */
export const firstInvalidRow = (rows: readonly AttendanceRow[]): number => rows.findIndex((row) => minutesProblem(row) !== null);

/** Every pupil's status for the mutation (the server replaces the saved list with it). */
export function attendanceInput(rows: readonly AttendanceRow[]): AttendanceInput[] {
  return rows.map((row) => ({
    pupilId: row.pupilId,
    status: row.status,
    lateMinutes: row.status === 'LATE' ? Number(row.minutes.trim()) : null,
  }));
}

export function attendanceCounts(rows: readonly AttendanceRow[]): Record<AttendanceStatus, number> {
  const counts: Record<AttendanceStatus, number> = { PRESENT: 0, ABSENT: 0, LATE: 0 };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/** A comparable picture of what would be saved, to tell whether anything changed since loading. */
export function sheetFingerprint(rows: readonly AttendanceRow[], topic: string, homework: string): string {
  const attendance = rows.map((row) => [row.pupilId, row.status, row.status === 'LATE' ? row.minutes.trim() : '']);
  return JSON.stringify([attendance, topic.trim(), homework.trim()]);
}

export type SheetKeyAction =
  | { type: 'move'; to: 'next' | 'previous' | 'first' | 'last' }
  | { type: 'status'; status: AttendanceStatus };

const STATUS_KEYS: Record<string, AttendanceStatus> = { p: 'PRESENT', a: 'ABSENT', v: 'LATE' };
const MOVE_KEYS: Record<string, 'next' | 'previous' | 'first' | 'last'> = {
  ArrowDown: 'next', j: 'next', ArrowUp: 'previous', k: 'previous', Home: 'first', End: 'last',
};

/**
 * The register's keys on a pupil row: arrows or j/k move between pupils, P/A/V set anwesend,
 * abwesend, verspätet. Combinations with Ctrl, Alt or Meta stay the browser's.
 */
export function keyAction(event: { key: string; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean }): SheetKeyAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  // Letters count in either case (caps lock on a classroom tablet); named keys as they are.
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (Object.hasOwn(MOVE_KEYS, key)) return { type: 'move', to: MOVE_KEYS[key] };
  if (Object.hasOwn(STATUS_KEYS, key)) return { type: 'status', status: STATUS_KEYS[key] };
  return null;
}

/** The row index a move leads to, staying inside the list. */
export function movedIndex(current: number, to: 'next' | 'previous' | 'first' | 'last', count: number): number {
  if (count === 0) return 0;
  if (to === 'first') return 0;
  if (to === 'last') return count - 1;
  return Math.min(count - 1, Math.max(0, current + (to === 'next' ? 1 : -1)));
}
