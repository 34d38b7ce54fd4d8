import { CalendarDate, isCalendarDate, parseCalendarDate, weekday } from '../dates';

// Which weeks (or days) a timetable entry runs in. Stored as JSON beside each entry version.
export type WeekPattern =
  | { kind: 'EVERY' }
  | { kind: 'ISO_PARITY'; odd: boolean }                       // Untis lesson groups UW/GW: odd/even ISO calendar weeks
  | { kind: 'CYCLE'; length: number; weeks: number[]; anchorMonday: string } // week N (1-based) of a cycle counted from the week of anchorMonday (A/B weeks: length 2, weeks [1] = A)
  | { kind: 'OCCURRENCE'; startsOn: string; days: string };     // Untis XML: one char per calendar day from startsOn, '1' = runs, '0'/'F' = not

export type CycleWeekPattern = Extract<WeekPattern, { kind: 'CYCLE' }>;

const MS_PER_DAY = 86_400_000;
const WEEK_LETTERS = 'ABCDEFGHIJKLMNOP'; // Untis names cycle weeks A–P

/** Days since 1970-01-01; differences of these are exact, whatever the process time zone. */
export function epochDay(date: CalendarDate): number {
  const { year, month, day } = parseCalendarDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function dateOfEpochDay(dayNumber: number): CalendarDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO 8601 week: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(date: CalendarDate): { year: number; week: number } {
  const thursday = epochDay(date) + 4 - weekday(date);
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const firstOfYear = Date.UTC(year, 0, 1) / MS_PER_DAY;
  return { year, week: Math.floor((thursday - firstOfYear) / 7) + 1 };
}

export function isoWeekNumber(date: CalendarDate): number {
  return isoWeek(date).week;
}

/** Epoch day of the Monday of the date's week. */
function mondayEpochDay(date: CalendarDate): number {
  return epochDay(date) - (weekday(date) - 1);
}

/** Position (1 … length) of the date's week in a cycle; weeks before the anchor count backwards. */
export function cycleWeekNumber(cycle: Pick<CycleWeekPattern, 'length' | 'anchorMonday'>, date: CalendarDate): number {
  assertValidCycleLength(cycle.length);
  const weeksSinceAnchor = (mondayEpochDay(date) - mondayEpochDay(cycle.anchorMonday)) / 7;
  const position = ((weeksSinceAnchor % cycle.length) + cycle.length) % cycle.length;
  return position + 1;
}

/** "A", "B", … for the date's week in a cycle (the anchor week is "A"). */
export function weekLetter(cycle: Pick<CycleWeekPattern, 'length' | 'anchorMonday'>, date: CalendarDate): string {
  return letterOfCycleWeek(cycleWeekNumber(cycle, date));
}

function letterOfCycleWeek(weekNumber: number): string {
  return WEEK_LETTERS[weekNumber - 1] ?? String(weekNumber);
}

function assertValidCycleLength(length: number): void {
  if (!Number.isInteger(length) || length < 1) throw new RangeError(`Invalid week cycle length: ${length}`);
}

/** For writers (importer, API inputs): a pattern that runsOn can evaluate without throwing. */
export function isValidWeekPattern(pattern: WeekPattern): boolean {
  switch (pattern.kind) {
    case 'EVERY':
    case 'ISO_PARITY':
      return true;
    case 'CYCLE':
      return Number.isInteger(pattern.length) && pattern.length >= 1 && isCalendarDate(pattern.anchorMonday)
        && pattern.weeks.every((week) => Number.isInteger(week) && week >= 1 && week <= pattern.length);
    case 'OCCURRENCE':
      return isCalendarDate(pattern.startsOn);
  }
}

/** Throws a RangeError for an invalid cycle length (check writes with isValidWeekPattern). */
export function runsOn(pattern: WeekPattern, date: CalendarDate): boolean {
  switch (pattern.kind) {
    case 'EVERY':
      return true;
    case 'ISO_PARITY':
      return (isoWeekNumber(date) % 2 === 1) === pattern.odd;
    case 'CYCLE':
      return pattern.weeks.includes(cycleWeekNumber(pattern, date));
    case 'OCCURRENCE':
      return pattern.days[epochDay(date) - epochDay(pattern.startsOn)] === '1';
  }
}

/** A German description for timetable views, e.g. "ungerade Kalenderwochen". */
export function describeWeekPattern(pattern: WeekPattern): string {
  switch (pattern.kind) {
    case 'EVERY':
      return 'jede Woche';
    case 'ISO_PARITY':
      return pattern.odd ? 'ungerade Kalenderwochen' : 'gerade Kalenderwochen';
    case 'CYCLE':
      return describeCycle(pattern);
    case 'OCCURRENCE':
      return 'laut Untis-Terminplan';
  }
}

function describeCycle(pattern: CycleWeekPattern): string {
  const weeks = [...new Set(pattern.weeks)].filter((week) => week >= 1 && week <= pattern.length).sort((a, b) => a - b);
  if (weeks.length === 0) return 'in keiner Woche';
  if (weeks.length === pattern.length) return 'jede Woche';
  const letters = weeks.map(letterOfCycleWeek);
  // German joins hyphenated compounds: "A-, B- und D-Woche"
  const named = letters.length === 1
    ? `${letters[0]}-Woche`
    : `${letters.slice(0, -1).map((letter) => `${letter}-`).join(', ')} und ${letters[letters.length - 1]}-Woche`;
  return pattern.length === 2 ? named : `${named} (${pattern.length}-Wochen-Rhythmus)`;
}

/**
 * The usual meaning of Untis lesson-group names (GPU002 field 12). Schools name groups freely, so
 * anything else is left to the caller, which reports it and asks for a mapping.
 */
export function weekPatternForLessonGroup(name: string | undefined): WeekPattern | undefined {
  switch (name?.trim().toUpperCase()) {
    case 'UW':
    case 'U':
      return { kind: 'ISO_PARITY', odd: true };
    case 'GW':
    case 'G':
      return { kind: 'ISO_PARITY', odd: false };
    default:
      return undefined;
  }
}
