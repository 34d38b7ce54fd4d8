import type { RegisterLessonFieldsFragment } from '@/api/generated/graphql';

// How a lesson of the register is named and addressed: its route, classes, time and the marks a
// teacher looks for (a lesson they cover, a cancelled one, a changed room).

export type RegisterLessonItem = RegisterLessonFieldsFragment;
type Lesson = RegisterLessonItem['lesson'];

/** The lesson page's address: the day, the lesson's lineage (stable across timetable versions) and the period. */
export function lessonRoute(item: Pick<RegisterLessonItem, 'lessonLineageId'> & { lesson: Pick<Lesson, 'date' | 'period'> }) {
  return {
    name: 'class-register-lesson',
    params: { date: item.lesson.date, lineageId: item.lessonLineageId, period: String(item.lesson.period) },
  } as const;
}

export const groupNames = (lesson: Pick<Lesson, 'groups'>): string => lesson.groups.map((group) => group.name).join(', ');

/** "Mathematik" (or the short name when the subject has no long one); null for a lesson without subject. */
export const subjectName = (lesson: Pick<Lesson, 'subject'>): string | null => lesson.subject?.name || lesson.subject?.shortName || null;

/** The teachers a lesson was planned with ("Anna Berg, Carl Dorn"): whom a substitute covers for. */
export const plannedTeacherNames = (lesson: Pick<Lesson, 'original'>): string =>
  (lesson.original?.teachers ?? []).map((teacher) => teacher.name).join(', ');

export type RecordState = 'cancelled' | 'recorded' | 'open' | 'upcoming';

/** Where a lesson's register entry stands; "not held yet" (upcoming) only where today is given. */
export function recordState(item: { isRecorded: boolean; lesson: Pick<Lesson, 'status' | 'date'> }, today?: string): RecordState {
  if (item.lesson.status === 'CANCELLED') return 'cancelled';
  if (item.isRecorded) return 'recorded';
  return today === undefined || item.lesson.date <= today ? 'open' : 'upcoming';
}

/** The mark of each state: icon, text (i18n key) and the test id the browser tests look for. */
export const RECORD_STATE_MARKS: Record<RecordState, { icon?: string; key: string; testId?: string }> = {
  cancelled: { icon: 'pi pi-ban', key: 'classRegister.lessonCard.cancelled' },
  recorded: { icon: 'pi pi-check', key: 'classRegister.lessonCard.recorded', testId: 'register-lesson-recorded' },
  open: { icon: 'pi pi-pencil', key: 'classRegister.lessonCard.notRecorded', testId: 'register-lesson-open' },
  upcoming: { key: 'classRegister.lessonCard.upcoming' },
};

/** The room moved by a substitution: the planned one, to show beside the new one. */
export function plannedRoom(lesson: Pick<Lesson, 'room' | 'original'>): string | null {
  const planned = lesson.original?.room?.shortName ?? null;
  return planned && planned !== lesson.room?.shortName ? planned : null;
}

/** Period numbers arrive as route text; only a whole number from 1 on is a period. */
export function periodParam(value: unknown): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string' || !/^\d{1,2}$/.test(text)) return null;
  const period = Number(text);
  return period >= 1 ? period : null;
}

/** A substitution put other teachers in: the lesson is covered (shown to the substitute as such). */
export function hasOtherTeachers(lesson: Pick<Lesson, 'teachers' | 'original'>): boolean {
  const planned = lesson.original?.teachers ?? [];
  if (planned.length === 0) return false;
  const now = new Set(lesson.teachers.map((teacher) => teacher.id));
  return planned.some((teacher) => !now.has(teacher.id)) || planned.length !== now.size;
}
