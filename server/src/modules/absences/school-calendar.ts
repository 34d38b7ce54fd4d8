import { EntityManager } from 'typeorm';
import { addDays, CalendarDate, HolidayKind, isWithin, weekday } from '@schulverwaltung/shared';
import { queryPrepared } from '../../database/prepared-query';

// A school's school days: the weekdays of its time grid (Monday to Friday when it has none) that
// are no holiday, public holiday or day without lessons. Absences count, merge and fall due in
// school days: Friday and Monday are adjacent, a deadline of three school days skips the weekend.

export interface DayOff {
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  kind: HolidayKind;
}

// Far enough for any search from a day: the longest holidays (summer) are about seven weeks.
const MAX_STEPS = 366;
const DEFAULT_WEEKDAYS = [1, 2, 3, 4, 5];
// Days off that count as "holidays" for the certificate rule (Ferien, Feiertage); a single day
// without lessons (Studientag) does not.
const HOLIDAY_KINDS: HolidayKind[] = ['HOLIDAY', 'PUBLIC_HOLIDAY'];

export class SchoolCalendar {
  private readonly weekdays: Set<number>;

  constructor(weekdays: number[], private readonly daysOff: DayOff[]) {
    this.weekdays = new Set(weekdays.length > 0 ? weekdays : DEFAULT_WEEKDAYS);
  }

  isSchoolDay(date: CalendarDate): boolean {
    return this.weekdays.has(weekday(date)) && !this.dayOffOn(date);
  }

  /** The first school day after `date`. */
  nextSchoolDay(date: CalendarDate): CalendarDate {
    return this.step(date, 1);
  }

  /** The last school day before `date`. */
  previousSchoolDay(date: CalendarDate): CalendarDate {
    return this.step(date, -1);
  }

  /** The school days in [from, to]. */
  schoolDaysIn(from: CalendarDate, to: CalendarDate): CalendarDate[] {
    const days: CalendarDate[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) if (this.isSchoolDay(day)) days.push(day);
    return days;
  }

  /** The range narrowed to its first and last school day; null when it holds none. */
  trimToSchoolDays(from: CalendarDate, to: CalendarDate): { startsOn: CalendarDate; endsOn: CalendarDate } | null {
    const days = this.schoolDaysIn(from, to);
    return days.length > 0 ? { startsOn: days[0], endsOn: days[days.length - 1] } : null;
  }

  /** The `count`-th school day after `date` (Monday + 3 → Thursday; Friday + 1 → Monday). */
  addSchoolDays(date: CalendarDate, count: number): CalendarDate {
    let day = date;
    for (let i = 0; i < count; i++) day = this.nextSchoolDay(day);
    return day;
  }

  /** Is the school day right before or after this one in holidays (Ferien, public holidays)? Weekends are stepped over. */
  isNextToHolidays(date: CalendarDate): boolean {
    return this.isHolidayBeside(date, -1) || this.isHolidayBeside(date, 1);
  }

  private isHolidayBeside(date: CalendarDate, direction: 1 | -1): boolean {
    let day = addDays(date, direction);
    for (let i = 0; i < 7 && !this.weekdays.has(weekday(day)); i++) day = addDays(day, direction);
    const dayOff = this.dayOffOn(day);
    return !!dayOff && HOLIDAY_KINDS.includes(dayOff.kind);
  }

  private step(date: CalendarDate, direction: 1 | -1): CalendarDate {
    let day = addDays(date, direction);
    for (let i = 0; i < MAX_STEPS && !this.isSchoolDay(day); i++) day = addDays(day, direction);
    return day;
  }

  private dayOffOn(date: CalendarDate): DayOff | undefined {
    return this.daysOff.find((d) => isWithin(date, d.startsOn, d.endsOn));
  }
}

const CALENDAR_SQL = `
  SELECT
    (SELECT coalesce(array_agg(DISTINCT weekday), '{}') FROM time_grid_periods WHERE school_id = $1) AS weekdays,
    (SELECT coalesce(json_agg(json_build_object('startsOn', starts_on, 'endsOn', ends_on, 'kind', kind)), '[]'::json)
      FROM holidays WHERE school_id = $1 AND starts_on <= $3 AND ends_on >= $2) AS "daysOff"`;

// Holidays are loaded with a margin around the range, so the next and previous school day, a
// deadline after the return and the days beside holidays are right near its ends.
const MARGIN_DAYS = 120;

export async function loadSchoolCalendar(manager: EntityManager, schoolId: string, from: CalendarDate, to: CalendarDate): Promise<SchoolCalendar> {
  const [row] = await queryPrepared<{ weekdays: number[]; daysOff: DayOff[] }>(
    manager, CALENDAR_SQL, [schoolId, addDays(from, -MARGIN_DAYS), addDays(to, MARGIN_DAYS)]);
  return new SchoolCalendar(row.weekdays, row.daysOff);
}
