import { addDays, CalendarDate, parseCalendarDate } from './calendar-date';

/** German school years run from 1 August to 31 July; the second term starts at the mid-year date (default 1 Feb). */
export interface SchoolYearRange {
  name: string;
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  midYearOn: CalendarDate;
}

export function schoolYearStartingIn(startYear: number): SchoolYearRange {
  const next = startYear + 1;
  return {
    name: `${startYear}/${String(next % 100).padStart(2, '0')}`,
    startsOn: `${startYear}-08-01`,
    endsOn: `${next}-07-31`,
    midYearOn: `${next}-02-01`,
  };
}

export function schoolYearContaining(date: CalendarDate): SchoolYearRange {
  const { year, month } = parseCalendarDate(date);
  return schoolYearStartingIn(month >= 8 ? year : year - 1);
}

export interface Term {
  number: 1 | 2;
  startsOn: CalendarDate;
  endsOn: CalendarDate;
}

export function termsOf(year: Pick<SchoolYearRange, 'startsOn' | 'endsOn' | 'midYearOn'>): Term[] {
  return [
    { number: 1, startsOn: year.startsOn, endsOn: addDays(year.midYearOn, -1) },
    { number: 2, startsOn: year.midYearOn, endsOn: year.endsOn },
  ];
}
