import { addDays, isCalendarDate, parseCalendarDate, weekday } from '@schulverwaltung/shared';
import type { CalendarDate } from '@schulverwaltung/shared';
import type { LocationQuery } from 'vue-router';

// Weeks and school days as 'YYYY-MM-DD' strings (no Date, so no time zone shifts a day). The
// week lives in the URL as ?woche=2026-11-30 (its Monday), the day of the substitution plan as
// ?datum=2026-11-30: links and reloads keep what was shown.

export const WEEK_PARAM = 'woche';
export const DAY_PARAM = 'datum';

/** The Monday of the week the day falls in (ISO weeks start on Monday). */
export function mondayOf(date: CalendarDate): CalendarDate {
  return addDays(date, 1 - weekday(date));
}

export function addWeeks(monday: CalendarDate, weeks: number): CalendarDate {
  return addDays(monday, 7 * weeks);
}

/** ISO 8601 week number ("KW"): week 1 is the week with the year's first Thursday. */
export function isoWeekNumber(date: CalendarDate): number {
  const thursday = addDays(date, 4 - weekday(date));
  const { year } = parseCalendarDate(thursday);
  const dayOfYear = (Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(year, 0, 1)) / 86_400_000;
  return Math.floor(dayOfYear / 7) + 1;
}

const isWeekend = (date: CalendarDate) => weekday(date) >= 6;

/**
 * The week a timetable opens with: this week on school days; on Saturday and Sunday already
 * the coming one, which is the week people look at then.
 */
export function defaultWeekStart(today: CalendarDate): CalendarDate {
  return isWeekend(today) ? addWeeks(mondayOf(today), 1) : mondayOf(today);
}

/** The school day the substitution plan opens with: today, or on a weekend the Monday after. */
export function currentSchoolDay(today: CalendarDate): CalendarDate {
  return isWeekend(today) ? addWeeks(mondayOf(today), 1) : today;
}

/** The next (step 1) or previous (step −1) day from Monday to Friday. */
export function nextSchoolDay(date: CalendarDate, step: 1 | -1): CalendarDate {
  let next = addDays(date, step);
  while (isWeekend(next)) next = addDays(next, step);
  return next;
}

const firstValue = (value: LocationQuery[string] | undefined): string | undefined =>
  (Array.isArray(value) ? value[0] : value) ?? undefined;

/** A calendar day from the URL, or null when missing or not a real day (a hand-edited link). */
export function dateParam(query: LocationQuery, name: string): CalendarDate | null {
  const value = firstValue(query[name])?.trim();
  return value && isCalendarDate(value) ? value : null;
}

/** The week of ?woche=…: any day of it works and stands for its Monday; otherwise the fallback. */
export function weekFromQuery(query: LocationQuery, fallback: CalendarDate): CalendarDate {
  const day = dateParam(query, WEEK_PARAM);
  return day ? mondayOf(day) : fallback;
}

/** The Monday to Friday (or Sunday) of a week, for headings: "30.11.–04.12.2026". */
export function weekRangeLabel(monday: CalendarDate, lastWeekday = 5): string {
  const first = parseCalendarDate(monday);
  const last = parseCalendarDate(addDays(monday, lastWeekday - 1));
  const pad = (value: number) => String(value).padStart(2, '0');
  const start = first.year === last.year ? `${pad(first.day)}.${pad(first.month)}.` : `${pad(first.day)}.${pad(first.month)}.${first.year}`;
  return `${start}–${pad(last.day)}.${pad(last.month)}.${last.year}`;
}
