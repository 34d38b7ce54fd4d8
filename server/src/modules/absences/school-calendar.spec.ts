import { SchoolCalendar } from './school-calendar';

// A school week Monday to Friday in November 2026 (2026-11-02 is a Monday), autumn holidays in
// the week of 2026-11-16 and a day without lessons on Wednesday 2026-11-25.
const calendar = new SchoolCalendar([1, 2, 3, 4, 5], [
  { startsOn: '2026-11-16', endsOn: '2026-11-20', kind: 'HOLIDAY' },
  { startsOn: '2026-11-25', endsOn: '2026-11-25', kind: 'NO_LESSONS' },
]);

describe('SchoolCalendar', () => {
  it.each([
    ['2026-11-06', true, 'a Friday'],
    ['2026-11-07', false, 'a Saturday'],
    ['2026-11-18', false, 'a holiday'],
    ['2026-11-25', false, 'a day without lessons'],
  ])('isSchoolDay(%s) → %s (%s)', (date, expected) => {
    expect(calendar.isSchoolDay(date)).toBe(expected);
  });

  it.each([
    ['2026-11-06', '2026-11-09', 'Friday → Monday'],
    ['2026-11-13', '2026-11-23', 'Friday before the holidays → Monday after them'],
    ['2026-11-24', '2026-11-26', 'over the day without lessons'],
  ])('nextSchoolDay(%s) → %s (%s)', (date, expected) => {
    expect(calendar.nextSchoolDay(date)).toBe(expected);
  });

  it.each([
    ['2026-11-09', 3, '2026-11-12', 'Monday + 3 → Thursday'],
    ['2026-11-12', 3, '2026-11-24', 'Thursday + 3 → Friday, then over the holidays to Monday and Tuesday'],
  ])('addSchoolDays(%s, %s) → %s (%s)', (date, count, expected) => {
    expect(calendar.addSchoolDays(date, count)).toBe(expected);
  });

  it('trimToSchoolDays → the first and last school day of a range; null when it holds none', () => {
    expect(calendar.trimToSchoolDays('2026-11-07', '2026-11-21')).toEqual({ startsOn: '2026-11-09', endsOn: '2026-11-13' });
    expect(calendar.trimToSchoolDays('2026-11-14', '2026-11-22')).toBeNull();
  });

  it.each([
    ['2026-11-13', true, 'the Friday before the holidays'],
    ['2026-11-23', true, 'the Monday after them'],
    ['2026-11-12', false, 'a Thursday before'],
    ['2026-11-24', false, 'the day before a day without lessons'],
  ])('isNextToHolidays(%s) → %s (%s)', (date, expected) => {
    expect(calendar.isNextToHolidays(date)).toBe(expected);
  });

  it('without a time grid → should take Monday to Friday', () => {
    expect(new SchoolCalendar([], []).schoolDaysIn('2026-11-02', '2026-11-08')).toHaveLength(5);
  });
});
