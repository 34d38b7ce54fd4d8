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
