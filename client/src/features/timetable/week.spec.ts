import {
  addWeeks, currentSchoolDay, dateParam, defaultWeekStart, isoWeekNumber, mondayOf, nextSchoolDay, weekFromQuery, weekRangeLabel,
} from './week';

describe('week navigation', () => {
  describe('mondayOf', () => {
    it.each([
      ['2026-11-30', '2026-11-30'], // Monday itself
      ['2026-12-03', '2026-11-30'], // Thursday
      ['2026-12-06', '2026-11-30'], // Sunday belongs to the week before (ISO)
      ['2027-01-01', '2026-12-28'], // across the turn of the year
      ['2028-03-01', '2028-02-28'], // leap year
    ])('%s → %s', (day, monday) => {
      expect(mondayOf(day)).toBe(monday);
    });
  });

  describe('isoWeekNumber', () => {
    it.each([
      ['2026-11-30', 49],
      ['2026-12-31', 53], // 2026 has 53 ISO weeks (it starts on a Thursday)
      ['2027-01-01', 53], // still the last week of 2026
      ['2027-01-04', 1],
      ['2024-12-30', 1], // already week 1 of 2025
      ['2021-01-03', 53], // Sunday of week 53 of 2020
    ])('%s is in week %i', (day, week) => {
      expect(isoWeekNumber(day)).toBe(week);
    });
  });

  it('addWeeks → should move by whole weeks, across months and years', () => {
    expect(addWeeks('2026-11-30', 1)).toBe('2026-12-07');
    expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04');
    expect(addWeeks('2026-11-30', -1)).toBe('2026-11-23');
  });

  describe('defaultWeekStart', () => {
    it('on a school day → should be this week', () => {
      expect(defaultWeekStart('2026-12-02')).toBe('2026-11-30');
      expect(defaultWeekStart('2026-12-04')).toBe('2026-11-30');
    });

    it('on Saturday or Sunday → should already be the coming week', () => {
      expect(defaultWeekStart('2026-11-28')).toBe('2026-11-30');
      expect(defaultWeekStart('2026-11-29')).toBe('2026-11-30');
    });
  });

  describe('school days', () => {
    it('currentSchoolDay → should be today on a school day, the Monday after on a weekend', () => {
      expect(currentSchoolDay('2026-12-01')).toBe('2026-12-01');
      expect(currentSchoolDay('2026-11-28')).toBe('2026-11-30');
    });

    it('nextSchoolDay → should skip Saturday and Sunday in both directions', () => {
      expect(nextSchoolDay('2026-12-04', 1)).toBe('2026-12-07');
      expect(nextSchoolDay('2026-12-07', -1)).toBe('2026-12-04');
      expect(nextSchoolDay('2026-12-01', 1)).toBe('2026-12-02');
      expect(nextSchoolDay('2026-11-28', -1)).toBe('2026-11-27'); // from a Saturday back to Friday
    });
  });

  describe('URL parameters', () => {
    it('weekFromQuery → should read ?woche as the Monday of its week', () => {
      expect(weekFromQuery({ woche: '2026-11-30' }, '2026-01-05')).toBe('2026-11-30');
      expect(weekFromQuery({ woche: '2026-12-03' }, '2026-01-05')).toBe('2026-11-30');
      expect(weekFromQuery({ woche: ['2026-12-07', '2026-12-14'] }, '2026-01-05')).toBe('2026-12-07');
    });

    it.each([[{}], [{ woche: '' }], [{ woche: 'naechste' }], [{ woche: '2026-02-30' }], [{ woche: '30.11.2026' }], [{ woche: null }]])(
      'weekFromQuery(%j) → should fall back (missing or hand-edited)',
      (query) => {
        expect(weekFromQuery(query as Record<string, string>, '2026-01-05')).toBe('2026-01-05');
      },
    );

    it('dateParam → should accept only real calendar days', () => {
      expect(dateParam({ datum: ' 2026-12-01 ' }, 'datum')).toBe('2026-12-01');
      expect(dateParam({ datum: '2026-13-01' }, 'datum')).toBeNull();
      expect(dateParam({}, 'datum')).toBeNull();
    });
  });

  it('weekRangeLabel → should name Monday to Friday, with the year once or twice', () => {
    expect(weekRangeLabel('2026-11-30')).toBe('30.11.–04.12.2026');
    expect(weekRangeLabel('2026-12-28')).toBe('28.12.2026–01.01.2027');
    expect(weekRangeLabel('2026-11-30', 6)).toBe('30.11.–05.12.2026');
  });
});
