// Calendar days (birth dates, school days, holidays) are plain 'YYYY-MM-DD' strings.
// "Today" is always the day in Europe/Berlin, whatever time zone the server runs in (CI: UTC).

export const SCHOOL_TIME_ZONE = 'Europe/Berlin';
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

// Creating an Intl formatter is costly (it loads time-zone data); one serves every call.
// en-CA formats as YYYY-MM-DD.
let berlinFormatter: Intl.DateTimeFormat | undefined;

/** The calendar day in Berlin at the given instant. */
export function berlinDate(instant: Date = new Date()): CalendarDate {
  berlinFormatter ??= new Intl.DateTimeFormat('en-CA', { timeZone: SCHOOL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  return berlinFormatter.format(instant);
}

export function parseCalendarDate(value: CalendarDate): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(value);
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${value}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const { year, month, day } = parseCalendarDate(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: CalendarDate): number {
  const { year, month, day } = parseCalendarDate(date);
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Completed years of life on a day; someone born on 29 Feb comes of age on 1 Mar in non-leap years. */
export function ageOn(birthDate: CalendarDate, on: CalendarDate): number {
  const b = parseCalendarDate(birthDate);
  const t = parseCalendarDate(on);
  let age = t.year - b.year;
  if (t.month < b.month || (t.month === b.month && t.day < b.day)) age -= 1;
  return age;
}

export const AGE_OF_MAJORITY = 18;
export function isOfAge(birthDate: CalendarDate | null | undefined, on: CalendarDate): boolean {
  return !!birthDate && ageOn(birthDate, on) >= AGE_OF_MAJORITY;
}

/** Inclusive range check on calendar days (ISO strings compare lexically). */
export function isWithin(date: CalendarDate, from: CalendarDate | null | undefined, to: CalendarDate | null | undefined): boolean {
  return (!from || from <= date) && (!to || date <= to);
}
