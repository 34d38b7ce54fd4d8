import { chosenRange, isSchoolDay, nextSchoolDay, schoolDayFrom, shortcutLabelKey, shortcutRanges } from './school-days';

// 2026-11-27 is a Friday, 2026-11-28 a Saturday; the Christmas holidays run 21.12.2026–02.01.2027.
const CHRISTMAS = [{ startsOn: '2026-12-21', endsOn: '2027-01-02' }];

describe('school days of the sick report', () => {
  it('isSchoolDay → weekdays outside holidays only', () => {
    expect(isSchoolDay('2026-11-27', CHRISTMAS)).toBe(true);
    expect(isSchoolDay('2026-11-28', CHRISTMAS)).toBe(false);
    expect(isSchoolDay('2026-11-29', CHRISTMAS)).toBe(false);
    expect(isSchoolDay('2026-12-22', CHRISTMAS)).toBe(false);
  });

  it('schoolDayFrom / nextSchoolDay → should step over weekends and holidays', () => {
    expect(schoolDayFrom('2026-11-27', CHRISTMAS)).toBe('2026-11-27');
    expect(schoolDayFrom('2026-11-28', CHRISTMAS)).toBe('2026-11-30');
    expect(nextSchoolDay('2026-11-27', CHRISTMAS)).toBe('2026-11-30');
    expect(nextSchoolDay('2026-12-18', CHRISTMAS)).toBe('2027-01-04');
  });

  describe('shortcuts', () => {
    it.each([
      // today, one day, two days, label of one day, label of two days
      ['2026-11-25', ['2026-11-25', '2026-11-25'], ['2026-11-25', '2026-11-26'], 'today', 'todayAndTomorrow'], // Wednesday
      ['2026-11-27', ['2026-11-27', '2026-11-27'], ['2026-11-27', '2026-11-30'], 'today', 'twoSchoolDays'], // Friday: then Monday
      ['2026-11-28', ['2026-11-30', '2026-11-30'], ['2026-11-30', '2026-12-01'], 'nextSchoolDay', 'twoSchoolDays'], // Saturday
      ['2026-12-18', ['2026-12-18', '2026-12-18'], ['2026-12-18', '2027-01-04'], 'today', 'twoSchoolDays'], // before Christmas
      ['2026-12-23', ['2027-01-04', '2027-01-04'], ['2027-01-04', '2027-01-05'], 'nextSchoolDay', 'twoSchoolDays'], // in the holidays
    ])('on %s → one day %j, two days %j (%s, %s)', (today, one, two, oneLabel, twoLabel) => {
      const ranges = shortcutRanges(today, CHRISTMAS);

      expect([ranges.ONE_DAY.startsOn, ranges.ONE_DAY.endsOn]).toEqual(one);
      expect([ranges.TWO_DAYS.startsOn, ranges.TWO_DAYS.endsOn]).toEqual(two);
      expect(shortcutLabelKey('ONE_DAY', today, ranges.ONE_DAY)).toBe(oneLabel);
      expect(shortcutLabelKey('TWO_DAYS', today, ranges.TWO_DAYS)).toBe(twoLabel);
    });
  });

  describe('chosenRange', () => {
    it('a shortcut → its range', () => {
      expect(chosenRange('TWO_DAYS', '2026-11-25', [], {})).toEqual({ startsOn: '2026-11-25', endsOn: '2026-11-26' });
    });

    it('a typed range → as typed; a missing end → the start day; a missing start → null', () => {
      expect(chosenRange('RANGE', '2026-11-25', [], { startsOn: '2026-11-26', endsOn: '2026-11-27' })).toEqual({ startsOn: '2026-11-26', endsOn: '2026-11-27' });
      expect(chosenRange('RANGE', '2026-11-25', [], { startsOn: '2026-11-26', endsOn: '' })).toEqual({ startsOn: '2026-11-26', endsOn: '2026-11-26' });
      expect(chosenRange('RANGE', '2026-11-25', [], { endsOn: '2026-11-27' })).toBeNull();
    });
  });
});
