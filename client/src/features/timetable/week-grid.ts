import type { TimetableLessonFieldsFragment, WeekTimetableFieldsFragment } from '@/api/generated/graphql';

// The layout of a week timetable, computed once from the API's answer: periods as rows (times
// from the time grid), days as columns, the lessons of one day and period in one cell (a
// coupling shows several). Pure, so the rules are unit-tested without a browser.

export type TimetableLesson = TimetableLessonFieldsFragment;
export type WeekTimetableData = Pick<WeekTimetableFieldsFragment, 'days' | 'lessons' | 'timeGrid'>;

export interface GridDay {
  date: string;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  holidayName: string | null;
  /** A day off without lessons: the whole column is greyed and names the holiday. */
  isDayOff: boolean;
}

export interface GridCell {
  day: GridDay;
  /** Taking place first, cancelled last; otherwise as the API sorts them (subject). */
  lessons: TimetableLesson[];
}

export interface GridRow {
  period: number;
  startsAt: string | null;
  endsAt: string | null;
  label: string | null;
  cells: GridCell[];
}

export interface WeekGrid {
  days: GridDay[];
  rows: GridRow[];
  lessonCount: number;
}

export interface DayListEntry {
  period: number;
  startsAt: string | null;
  endsAt: string | null;
  lessons: TimetableLesson[];
}

export interface DayListDay {
  day: GridDay;
  entries: DayListEntry[];
}

/** Monday to Friday always; Saturday and Sunday only when a lesson falls on them. */
function visibleDays(timetable: WeekTimetableData): GridDay[] {
  const datesWithLessons = new Set(timetable.lessons.map((lesson) => lesson.date));
  return timetable.days
    .filter((day) => day.weekday <= 5 || datesWithLessons.has(day.date))
    .map((day) => ({
      date: day.date,
      weekday: day.weekday,
      holidayName: day.holidayName ?? null,
      isDayOff: !!day.holidayName && !datesWithLessons.has(day.date),
    }));
}

/** The value most periods agree on (ties: the one seen first, i.e. the earlier weekday). */
function mostCommon<T>(values: T[], keyOf: (value: T) => string): T | undefined {
  const counts = new Map<string, { value: T; count: number }>();
  for (const value of values) {
    const key = keyOf(value);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { value, count: 1 });
  }
  let best: { value: T; count: number } | undefined;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best?.value;
}

interface PeriodTime { startsAt: string | null; endsAt: string | null; label: string | null }

function rowTimes(timetable: WeekTimetableData, weekdays: Set<number>): Map<number, PeriodTime> {
  const byPeriod = new Map<number, PeriodTime[]>();
  const add = (period: number, time: PeriodTime) => byPeriod.set(period, [...(byPeriod.get(period) ?? []), time]);
  const sortedGrid = [...timetable.timeGrid].sort((a, b) => a.weekday - b.weekday || a.period - b.period);
  for (const slot of sortedGrid) {
    if (weekdays.has(slot.weekday)) add(slot.period, { startsAt: slot.startsAt, endsAt: slot.endsAt, label: slot.label ?? null });
  }
  // Periods outside the time grid take their times from the lessons, if any.
  for (const lesson of timetable.lessons) {
    if (!byPeriod.has(lesson.period)) add(lesson.period, { startsAt: lesson.startsAt ?? null, endsAt: lesson.endsAt ?? null, label: null });
  }
  const times = new Map<number, PeriodTime>();
  for (const [period, candidates] of byPeriod) {
    const timed = candidates.filter((time) => time.startsAt);
    times.set(period, mostCommon(timed.length > 0 ? timed : candidates, (time) => `${time.startsAt}-${time.endsAt}`)!);
  }
  return times;
}

const cancelledLast = (a: TimetableLesson, b: TimetableLesson) => Number(a.status === 'CANCELLED') - Number(b.status === 'CANCELLED');

/** Rows of periods × columns of days: every period of the time grid up to the week's last lesson. */
export function buildWeekGrid(timetable: WeekTimetableData): WeekGrid {
  const days = visibleDays(timetable);
  const shownDates = new Set(days.map((day) => day.date));
  const times = rowTimes(timetable, new Set(days.map((day) => day.weekday)));
  const lessonsBySlot = new Map<string, TimetableLesson[]>();
  let lessonCount = 0;
  for (const lesson of timetable.lessons) {
    if (!shownDates.has(lesson.date)) continue;
    const key = `${lesson.date}|${lesson.period}`;
    lessonsBySlot.set(key, [...(lessonsBySlot.get(key) ?? []), lesson]);
    lessonCount++;
  }
  const rows = [...times.keys()].sort((a, b) => a - b).map((period): GridRow => ({
    period,
    ...times.get(period)!,
    cells: days.map((day) => ({ day, lessons: [...(lessonsBySlot.get(`${day.date}|${period}`) ?? [])].sort(cancelledLast) })),
  }));
  // Periods after the week's last lesson (a primary class ends after the 5th of 8) stay off the grid.
  while (lessonCount > 0 && rows.length > 0 && rows[rows.length - 1].cells.every((cell) => cell.lessons.length === 0)) rows.pop();
  return { days, rows, lessonCount };
}

/** The same week as a list of days (narrow screens): only periods with lessons, each with its time. */
export function buildDayList(grid: WeekGrid): DayListDay[] {
  return grid.days.map((day, column) => ({
    day,
    entries: grid.rows
      .map((row) => ({ row, lessons: row.cells[column].lessons }))
      .filter(({ lessons }) => lessons.length > 0)
      .map(({ row, lessons }) => ({
        period: row.period,
        startsAt: lessons[0].startsAt ?? row.startsAt,
        endsAt: lessons[0].endsAt ?? row.endsAt,
        lessons,
      })),
  }));
}

/** A lesson whose own time differs from its row's (another school's grid, a shorter Friday) shows it. */
export function hasOwnTime(lesson: TimetableLesson, row: Pick<GridRow, 'startsAt' | 'endsAt'>): boolean {
  return !!lesson.startsAt && (lesson.startsAt !== row.startsAt || lesson.endsAt !== row.endsAt);
}

/**
 * Groups every cell of a view would repeat: the class itself (class view) or the pupil's class (the
 * group more than half the lessons have). Courses and couplings keep their names.
 */
export function hiddenGroupIdsOf(timetable: Pick<WeekTimetableData, 'lessons'> & { targetId: string }, kind: string): string[] {
  if (kind === 'CLASS') return [timetable.targetId];
  if (kind !== 'PUPIL') return [];
  const counts = new Map<string, number>();
  for (const lesson of timetable.lessons) for (const group of lesson.groups) counts.set(group.id, (counts.get(group.id) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > timetable.lessons.length / 2).map(([id]) => id);
}

/** Cells with more lessons than this (couplings: religion, languages) show each lesson on one line. */
export const COMPACT_CELL_SIZE = 2;

const byName = new Intl.Collator('de', { numeric: true });

/** Group names in school order ("5a" before "10a"), without those every cell of the view shares. */
export function visibleGroupNames(lesson: Pick<TimetableLesson, 'groups'>, hiddenGroupIds: readonly string[]): string[] {
  return lesson.groups.filter((group) => !hiddenGroupIds.includes(group.id)).map((group) => group.name).sort(byName.compare);
}

/**
 * The groups all lessons of a cell share (a coupling of several classes), named once for the cell;
 * null when the lessons differ in their groups or have none to show.
 */
export function sharedGroupNames(lessons: Pick<TimetableLesson, 'groups'>[], hiddenGroupIds: readonly string[]): string[] | null {
  if (lessons.length === 0) return null;
  const first = visibleGroupNames(lessons[0], hiddenGroupIds);
  const same = lessons.every((lesson) => visibleGroupNames(lesson, hiddenGroupIds).join('|') === first.join('|'));
  return same && first.length > 0 ? first : null;
}

export interface LessonChanges {
  subject: boolean;
  teachers: boolean;
  room: boolean;
}

const sameIds = (a: { id: string }[], b: { id: string }[]) =>
  a.length === b.length && a.every((item) => b.some((other) => other.id === item.id));

/** Which parts a substitution changed: those are shown new (bold) beside the old (struck through). */
export function lessonChanges(lesson: Pick<TimetableLesson, 'status' | 'original' | 'subject' | 'teachers' | 'room'>): LessonChanges {
  const original = lesson.original;
  if (lesson.status !== 'CHANGED' || !original) return { subject: false, teachers: false, room: false };
  return {
    subject: (original.subject?.id ?? null) !== (lesson.subject?.id ?? null),
    teachers: !sameIds(original.teachers, lesson.teachers),
    room: (original.room?.id ?? null) !== (lesson.room?.id ?? null),
  };
}

/**
 * The i18n key (under timetable.status) naming what happened to a lesson: "Entfall", "Zusatz",
 * "Vertretung", "Raumänderung" …; null for a regular lesson.
 */
export function statusKey(lesson: Pick<TimetableLesson, 'status' | 'substitutionKind'>): string | null {
  switch (lesson.status) {
    case 'REGULAR': return null;
    case 'CANCELLED': return 'CANCELLED';
    case 'EXTRA': return lesson.substitutionKind === 'SHIFTED' ? 'SHIFTED' : 'EXTRA';
    case 'CHANGED': {
      const kind = lesson.substitutionKind;
      return kind === 'SUBSTITUTE' || kind === 'ROOM_CHANGE' || kind === 'SHIFTED' || kind === 'SUPERVISION' ? kind : 'CHANGED';
    }
  }
}
