import type { UntisSchoolSpec } from './untis-school-spec';

// A planned timetable: the spec's master data plus lessons (GPU002) and placed periods (GPU001).
// Produced by planTimetable(), changed by mutateExport(), written by writeUntisExport().

/** UW = odd calendar weeks, GW = even calendar weeks (Untis lesson groups); none = every week. */
export type WeekGroup = 'UW' | 'GW';

export type LessonKind = 'CLASS' | 'COUPLING' | 'COURSE';

export interface PlannedLine {
  teacher: string;
  subject: string;
  /** The line's usual room (GPU002 field 8, Fachraum); each placed period names its own room. */
  subjectRoom?: string;
  /** Pupils of this line (course members or a coupling group), written to GPU015. */
  pupils: string[];
}

export interface PlannedLesson {
  /** Untis lesson number (Unterrichtsnummer) */
  number: number;
  kind: LessonKind;
  /** Every line of the lesson covers all of these classes. */
  classes: string[];
  lines: PlannedLine[];
  /** Periods per week in the timetable (GPU002 field 2); a biweekly double period counts 2. */
  periodsPerWeek: number;
  doublePeriods: number;
  weekGroup?: WeekGroup;
  studentGroup?: string;
  /** GPU002 line text */
  text?: string;
}

export interface Placement {
  lessonNumber: number;
  weekday: number;
  period: number;
  /** Room of each line, same order as PlannedLesson.lines; null = no room. */
  rooms: (string | null)[];
}

/** What mutateExport() changed compared with the plan it started from. */
export interface PlanMutation {
  kind: 'ROOM_CHANGED' | 'TEACHER_REPLACED' | 'PERIOD_MOVED' | 'LESSON_REMOVED' | 'LESSON_ADDED';
  lessonNumber: number;
  description: string;
  /** GPU001 rows whose content changed, that were removed, or that were added */
  gpu001: RowChangeCount;
  gpu002: RowChangeCount;
}

export interface RowChangeCount {
  changed: number;
  removed: number;
  added: number;
}

export interface UntisPlan {
  spec: UntisSchoolSpec;
  lessons: PlannedLesson[];
  /** Sorted by lesson number, weekday, period. */
  placements: Placement[];
  /** Periods the planner could not place (empty for a complete timetable). */
  unplaced: { lessonNumber: number; periods: number }[];
  /** Set by mutateExport(): the changes against its input plan. */
  mutations?: PlanMutation[];
}

export function comparePlacements(a: Placement, b: Placement): number {
  return a.lessonNumber - b.lessonNumber || a.weekday - b.weekday || a.period - b.period;
}

export function weekBitsOf(group: WeekGroup | undefined): number {
  if (group === 'UW') return 1;
  if (group === 'GW') return 2;
  return 3;
}

export interface PlanConflict {
  resource: string;
  weekday: number;
  period: number;
  lessonNumbers: number[];
}

/**
 * Every class, teacher, room or course pupil used twice in one slot (in the same week parity).
 * Course lessons occupy their pupils instead of the year-group class: its courses run in parallel.
 */
export function findConflicts(plan: UntisPlan, options: { includePupils?: boolean } = {}): PlanConflict[] {
  const includePupils = options.includePupils ?? true;
  const lessons = new Map(plan.lessons.map((lesson) => [lesson.number, lesson]));
  const users = new Map<string, { bits: number; lesson: number }[]>();
  for (const placement of plan.placements) {
    const lesson = lessons.get(placement.lessonNumber);
    if (!lesson) continue;
    const bits = weekBitsOf(lesson.weekGroup);
    for (const resource of resourcesOf(lesson, placement, includePupils)) {
      const key = `${resource}@${placement.weekday}/${placement.period}`;
      const list = users.get(key) ?? [];
      list.push({ bits, lesson: lesson.number });
      users.set(key, list);
    }
  }
  return [...users.entries()].flatMap(([key, list]) => conflictsAt(key, list));
}

function resourcesOf(lesson: PlannedLesson, placement: Placement, includePupils: boolean): Set<string> {
  const resources = new Set<string>();
  if (lesson.kind !== 'COURSE') lesson.classes.forEach((name) => resources.add(`class:${name}`));
  for (const line of lesson.lines) {
    resources.add(`teacher:${line.teacher}`);
    if (lesson.kind === 'COURSE' && includePupils) line.pupils.forEach((key) => resources.add(`pupil:${key}`));
  }
  for (const room of placement.rooms) if (room) resources.add(`room:${room}`);
  return resources;
}

function conflictsAt(key: string, list: { bits: number; lesson: number }[]): PlanConflict[] {
  if (list.length < 2) return [];
  const clashing = list.filter((a, i) => list.some((b, j) => i !== j && (a.bits & b.bits) !== 0));
  if (clashing.length === 0) return [];
  const [resource, slot] = key.split('@');
  const [weekday, period] = slot.split('/').map(Number);
  return [{ resource, weekday, period, lessonNumbers: clashing.map((entry) => entry.lesson) }];
}
