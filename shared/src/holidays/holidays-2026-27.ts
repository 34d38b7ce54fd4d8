import { FederalState, HolidayKind } from '../enums';
import { CalendarDate, schoolYearStartingIn } from '../dates';

export interface HolidayTemplate {
  name: string;
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  kind: HolidayKind;
}

// School holidays and public holidays on school days of the 2026/27 school year, as published by
// the states' education ministries (KMK Ferienkalender). New schools get them as editable rows;
// check them against the ministry's list before relying on them.
export const HOLIDAYS_2026_27: Partial<Record<FederalState, HolidayTemplate[]>> = {
  BE: [
    { name: 'Herbstferien', startsOn: '2026-10-19', endsOn: '2026-10-31', kind: 'HOLIDAY' },
    { name: 'Weihnachtsferien', startsOn: '2026-12-23', endsOn: '2027-01-02', kind: 'HOLIDAY' },
    { name: 'Winterferien', startsOn: '2027-02-01', endsOn: '2027-02-06', kind: 'HOLIDAY' },
    { name: 'Internationaler Frauentag', startsOn: '2027-03-08', endsOn: '2027-03-08', kind: 'PUBLIC_HOLIDAY' },
    { name: 'Osterferien', startsOn: '2027-03-22', endsOn: '2027-04-02', kind: 'HOLIDAY' },
    { name: 'Christi Himmelfahrt', startsOn: '2027-05-06', endsOn: '2027-05-06', kind: 'PUBLIC_HOLIDAY' },
    { name: 'Unterrichtsfreier Tag', startsOn: '2027-05-07', endsOn: '2027-05-07', kind: 'NO_LESSONS' },
    { name: 'Pfingstmontag', startsOn: '2027-05-17', endsOn: '2027-05-17', kind: 'PUBLIC_HOLIDAY' },
    { name: 'Pfingstferien', startsOn: '2027-05-18', endsOn: '2027-05-18', kind: 'HOLIDAY' },
    // Summer holidays run on to 13.08.2027; the part after 31 July belongs to the school year 2027/28.
    { name: 'Sommerferien', startsOn: '2027-07-01', endsOn: '2027-07-31', kind: 'HOLIDAY' },
  ],
  NW: [
    { name: 'Herbstferien', startsOn: '2026-10-17', endsOn: '2026-10-31', kind: 'HOLIDAY' },
    { name: 'Weihnachtsferien', startsOn: '2026-12-23', endsOn: '2027-01-06', kind: 'HOLIDAY' },
    { name: 'Osterferien', startsOn: '2027-03-22', endsOn: '2027-04-03', kind: 'HOLIDAY' },
    { name: 'Christi Himmelfahrt', startsOn: '2027-05-06', endsOn: '2027-05-06', kind: 'PUBLIC_HOLIDAY' },
    { name: 'Pfingstmontag', startsOn: '2027-05-17', endsOn: '2027-05-17', kind: 'PUBLIC_HOLIDAY' },
    { name: 'Pfingstferien', startsOn: '2027-05-18', endsOn: '2027-05-18', kind: 'HOLIDAY' },
    { name: 'Fronleichnam', startsOn: '2027-05-27', endsOn: '2027-05-27', kind: 'PUBLIC_HOLIDAY' },
    // Summer holidays run on to 31.08.2027; the part after 31 July belongs to the school year 2027/28.
    { name: 'Sommerferien', startsOn: '2027-07-19', endsOn: '2027-07-31', kind: 'HOLIDAY' },
  ],
};

/**
 * The holidays a school of `state` starts the school year with. A holiday row belongs to one school
 * year and must lie within it (the API refuses anything else), so the summer holidays end with the
 * year on 31 July; their days in August belong to the next school year.
 */
export function holidayTemplatesFor(state: FederalState, schoolYearName: string): HolidayTemplate[] {
  const templates = schoolYearName === '2026/27' ? (HOLIDAYS_2026_27[state] ?? []) : [];
  const { startsOn, endsOn } = schoolYearStartingIn(Number(schoolYearName.slice(0, 4)));
  return templates.map((h) => ({ ...h, startsOn: h.startsOn < startsOn ? startsOn : h.startsOn, endsOn: h.endsOn > endsOn ? endsOn : h.endsOn }));
}
