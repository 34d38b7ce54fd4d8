import { CalendarDate, SchoolYearRange, termsOf } from '../dates';

export type TermNumber = 1 | 2;

/** The days statistics cover: one term of the school year, or (no term) the whole year. */
export function statisticsRange(year: Pick<SchoolYearRange, 'startsOn' | 'endsOn' | 'midYearOn'>, term: TermNumber | null): { from: CalendarDate; to: CalendarDate } {
  if (term === null) return { from: year.startsOn, to: year.endsOn };
  const { startsOn, endsOn } = termsOf(year)[term - 1];
  return { from: startsOn, to: endsOn };
}

/** The term containing a day (before the year: the first, after it: the second). */
export function termOn(year: Pick<SchoolYearRange, 'midYearOn'>, date: CalendarDate): TermNumber {
  return date < year.midYearOn ? 1 : 2;
}
