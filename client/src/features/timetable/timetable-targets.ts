import type { TimetableTargetInput, TimetableTargetKind } from '@/api/generated/graphql';

// Whose timetable a page shows: a class (or course), a teacher (person id), a room or a pupil.

export const TARGET_ROUTES: Record<TimetableTargetKind, string> = {
  CLASS: 'timetable-class',
  TEACHER: 'timetable-teacher',
  ROOM: 'timetable-room',
  PUPIL: 'timetable-pupil',
};

const TARGET_FIELDS: Record<TimetableTargetKind, keyof Omit<TimetableTargetInput, 'schoolId'>> = {
  CLASS: 'classId',
  TEACHER: 'teacherId',
  ROOM: 'roomId',
  PUPIL: 'pupilId',
};

/** The API's target argument: exactly one id, and the school when it has to be named. */
export function targetInput(kind: TimetableTargetKind, id: string, schoolId?: string | null): TimetableTargetInput {
  return { [TARGET_FIELDS[kind]]: id, ...(schoolId ? { schoolId } : {}) };
}

/** The CASL subject of reading a target's timetable at a school (the same shape the server checks). */
export function timetableSubject(kind: TimetableTargetKind, id: string, schoolId: string) {
  return { __typename: 'Timetable' as const, schoolId, [TARGET_FIELDS[kind]]: id };
}

/** Another school's teacher timetables may span two schools; lessons and grids name each school. */
export function schoolIdsOf(timetable: { lessons: { schoolId: string }[]; timeGrid: { schoolId: string }[] }): string[] {
  return [...new Set([...timetable.lessons.map((lesson) => lesson.schoolId), ...timetable.timeGrid.map((period) => period.schoolId)])];
}
