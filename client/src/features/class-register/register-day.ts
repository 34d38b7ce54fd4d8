import { weekday } from '@schulverwaltung/shared';
import type { CalendarDate } from '@schulverwaltung/shared';

// Which day the class register shows and what kind of day it is: lessons, a weekend, or a
// holiday. Days are 'YYYY-MM-DD' strings (no Date, so no time zone shifts a day).

export type DayKind = { kind: 'weekend' } | { kind: 'holiday'; name: string } | { kind: 'schoolDay' };

interface WeekDay {
  date: string;
  holidayName?: string | null;
}

/** Weekend first (it never has lessons), then a holiday the timetable names, else a school day. */
export function dayKind(date: CalendarDate, days: readonly WeekDay[]): DayKind {
  if (weekday(date) >= 6) return { kind: 'weekend' };
  const holiday = days.find((day) => day.date === date)?.holidayName;
  return holiday ? { kind: 'holiday', name: holiday } : { kind: 'schoolDay' };
}

interface WeekLessons {
  lessons: readonly { date: string; status: string }[];
}

/** The first day after `after` on which one of the weeks has a lesson that takes place; null when none. */
export function firstTeachingDayAfter(after: CalendarDate, weeks: readonly WeekLessons[]): CalendarDate | null {
  const days = weeks.flatMap((week) => week.lessons)
    .filter((lesson) => lesson.date > after && lesson.status !== 'CANCELLED')
    .map((lesson) => lesson.date)
    .sort();
  return days[0] ?? null;
}

