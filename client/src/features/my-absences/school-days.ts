import { addDays, isWithin, weekday } from '@schulverwaltung/shared';
import type { CalendarDate } from '@schulverwaltung/shared';

// The day choices of a sick report. The server keeps only the school days of a range (Monday to
// Friday outside holidays) and refuses a range without any; the portal offers ranges that start on
// a school day, so "today" on a Saturday becomes the coming Monday instead of a refusal.

export interface DayOff {
  startsOn: CalendarDate;
  endsOn: CalendarDate;
}

export interface DayRange {
  startsOn: CalendarDate;
  endsOn: CalendarDate;
}

/** ONE_DAY: today (or the next school day); TWO_DAYS: that day and the school day after it; RANGE: typed in. */
export const DAY_CHOICES = ['ONE_DAY', 'TWO_DAYS', 'RANGE'] as const;
export type DayChoice = (typeof DAY_CHOICES)[number];

// Far enough to step over the summer holidays.
const MAX_STEPS = 120;

export function isSchoolDay(date: CalendarDate, daysOff: readonly DayOff[]): boolean {
  return weekday(date) <= 5 && !daysOff.some((off) => isWithin(date, off.startsOn, off.endsOn));
}

/** The first school day on or after `date`. */
export function schoolDayFrom(date: CalendarDate, daysOff: readonly DayOff[]): CalendarDate {
  let day = date;
  for (let step = 0; step < MAX_STEPS && !isSchoolDay(day, daysOff); step++) day = addDays(day, 1);
  return day;
}

/** The first school day after `date`. */
export function nextSchoolDay(date: CalendarDate, daysOff: readonly DayOff[]): CalendarDate {
  return schoolDayFrom(addDays(date, 1), daysOff);
}

/** The ranges behind the two shortcuts, from today's point of view. */
export function shortcutRanges(today: CalendarDate, daysOff: readonly DayOff[]): Record<Exclude<DayChoice, 'RANGE'>, DayRange> {
  const first = schoolDayFrom(today, daysOff);
  return {
    ONE_DAY: { startsOn: first, endsOn: first },
    TWO_DAYS: { startsOn: first, endsOn: nextSchoolDay(first, daysOff) },
  };
}

/**
 * How a shortcut is called: "today" and "today and tomorrow" when those are school days, otherwise
 * by what it is ("next school day", "two school days"); the dates are shown beside it.
 */
export function shortcutLabelKey(choice: Exclude<DayChoice, 'RANGE'>, today: CalendarDate, range: DayRange): string {
  const startsToday = range.startsOn === today;
  if (choice === 'ONE_DAY') return startsToday ? 'today' : 'nextSchoolDay';
  return startsToday && range.endsOn === addDays(today, 1) ? 'todayAndTomorrow' : 'twoSchoolDays';
}

/** The range a choice stands for; RANGE is what was typed (the end defaults to the start). */
export function chosenRange(choice: DayChoice, today: CalendarDate, daysOff: readonly DayOff[], typed: Partial<DayRange>): DayRange | null {
  if (choice !== 'RANGE') return shortcutRanges(today, daysOff)[choice];
  if (!typed.startsOn) return null;
  return { startsOn: typed.startsOn, endsOn: typed.endsOn || typed.startsOn };
}
