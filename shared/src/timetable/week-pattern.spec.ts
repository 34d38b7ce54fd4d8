import {
  CycleWeekPattern,
  cycleWeekNumber,
  describeWeekPattern,
  isoWeek,
  isoWeekNumber,
  isValidWeekPattern,
  runsOn,
  WeekPattern,
  weekLetter,
  weekPatternForLessonGroup,
} from './week-pattern';

describe('isoWeek', () => {
  it('should count weeks from the week holding the first Thursday', () => {
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 }); // a Thursday
    expect(isoWeek('2025-12-29')).toEqual({ year: 2026, week: 1 }); // Monday of that week, still in 2025
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeek('2008-12-29')).toEqual({ year: 2009, week: 1 });
  });

  it('when a year has 53 weeks → should give week 53 across New Year', () => {
    expect(isoWeek('2026-12-27')).toEqual({ year: 2026, week: 52 });
    expect(isoWeek('2026-12-28')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-03')).toEqual({ year: 2026, week: 53 }); // Sunday in the new calendar year
    expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(isoWeekNumber('2020-12-31')).toBe(53);
    expect(isoWeekNumber('2021-01-03')).toBe(53);
    expect(isoWeekNumber('2021-01-04')).toBe(1);
    expect(isoWeekNumber('2010-01-03')).toBe(53);
  });
});

describe('runsOn', () => {
  it('EVERY → should run on any day', () => {
    expect(runsOn({ kind: 'EVERY' }, '2026-09-14')).toBe(true);
  });

  describe('ISO_PARITY', () => {
    const oddWeeks: WeekPattern = { kind: 'ISO_PARITY', odd: true };
    const evenWeeks: WeekPattern = { kind: 'ISO_PARITY', odd: false };

    it('should follow the calendar week number', () => {
      expect(runsOn(oddWeeks, '2026-09-14')).toBe(false); // week 38
      expect(runsOn(evenWeeks, '2026-09-14')).toBe(true);
      expect(runsOn(oddWeeks, '2026-09-21')).toBe(true); // week 39
      expect(runsOn(oddWeeks, '2026-09-27')).toBe(true); // Sunday of week 39
    });

    it('when week 53 is followed by week 1 → odd-week lessons run two weeks in a row (pure calendar-week parity)', () => {
      expect(runsOn(oddWeeks, '2026-12-21')).toBe(false); // week 52
      expect(runsOn(oddWeeks, '2026-12-28')).toBe(true); // week 53
      expect(runsOn(oddWeeks, '2027-01-04')).toBe(true); // week 1
      expect(runsOn(evenWeeks, '2027-01-11')).toBe(true); // week 2
    });
  });

  describe('CYCLE', () => {
    const weekA: CycleWeekPattern = { kind: 'CYCLE', length: 2, weeks: [1], anchorMonday: '2026-08-17' };

    it('should count A/B weeks from the anchor week, also backwards', () => {
      expect(runsOn(weekA, '2026-08-17')).toBe(true);
      expect(runsOn(weekA, '2026-08-21')).toBe(true); // Friday of the anchor week
      expect(runsOn(weekA, '2026-08-24')).toBe(false);
      expect(runsOn(weekA, '2026-08-31')).toBe(true);
      expect(runsOn(weekA, '2026-08-10')).toBe(false);
      expect(runsOn(weekA, '2026-08-03')).toBe(true);
    });

    it('should keep alternating across New Year, unlike calendar-week parity', () => {
      expect(weekLetter(weekA, '2026-12-28')).toBe('B'); // 19 weeks after the anchor
      expect(weekLetter({ length: 2, anchorMonday: '2026-08-17' }, '2027-01-04')).toBe('A');
    });

    it('when the anchor is not a Monday → should use the week it falls in', () => {
      const anchoredMidweek: WeekPattern = { kind: 'CYCLE', length: 2, weeks: [2], anchorMonday: '2026-08-19' };

      expect(runsOn(anchoredMidweek, '2026-08-17')).toBe(false);
      expect(runsOn(anchoredMidweek, '2026-08-24')).toBe(true);
    });

    it('should support longer cycles with several weeks', () => {
      const cycle: CycleWeekPattern = { kind: 'CYCLE', length: 3, weeks: [1, 3], anchorMonday: '2026-08-17' };

      expect(['2026-08-17', '2026-08-24', '2026-08-31', '2026-09-07'].map((date) => runsOn(cycle, date))).toEqual([true, false, true, true]);
      expect(cycleWeekNumber(cycle, '2026-08-10')).toBe(3);
    });

    it('when the cycle length is invalid → should throw instead of guessing', () => {
      expect(() => runsOn({ kind: 'CYCLE', length: 0, weeks: [1], anchorMonday: '2026-08-17' }, '2026-08-17')).toThrow(RangeError);
    });
  });

  describe('OCCURRENCE', () => {
    // From Monday 2026-08-03: Mon–Tue run, Wed not, Thu–Fri run, weekend free, next Monday not.
    const pattern: WeekPattern = { kind: 'OCCURRENCE', startsOn: '2026-08-03', days: '11011FF0' };

    it('should read one character per day from the start date', () => {
      expect(runsOn(pattern, '2026-08-03')).toBe(true);
      expect(runsOn(pattern, '2026-08-05')).toBe(false);
      expect(runsOn(pattern, '2026-08-07')).toBe(true);
      expect(runsOn(pattern, '2026-08-08')).toBe(false); // 'F'
      expect(runsOn(pattern, '2026-08-10')).toBe(false);
    });

    it('should not run before the start or after the end of the string', () => {
      expect(runsOn(pattern, '2026-08-02')).toBe(false);
      expect(runsOn(pattern, '2026-08-11')).toBe(false);
    });
  });
});

describe('describeWeekPattern', () => {
  it('should describe every kind in German', () => {
    expect(describeWeekPattern({ kind: 'EVERY' })).toBe('jede Woche');
    expect(describeWeekPattern({ kind: 'ISO_PARITY', odd: true })).toBe('ungerade Kalenderwochen');
    expect(describeWeekPattern({ kind: 'ISO_PARITY', odd: false })).toBe('gerade Kalenderwochen');
    expect(describeWeekPattern({ kind: 'OCCURRENCE', startsOn: '2026-08-03', days: '1' })).toBe('laut Untis-Terminplan');
  });

  it('should name cycle weeks by letter', () => {
    const cycle = (length: number, weeks: number[]): WeekPattern => ({ kind: 'CYCLE', length, weeks, anchorMonday: '2026-08-17' });

    expect(describeWeekPattern(cycle(2, [1]))).toBe('A-Woche');
    expect(describeWeekPattern(cycle(2, [2]))).toBe('B-Woche');
    expect(describeWeekPattern(cycle(2, [1, 2]))).toBe('jede Woche');
    expect(describeWeekPattern(cycle(3, [3, 1]))).toBe('A- und C-Woche (3-Wochen-Rhythmus)');
    expect(describeWeekPattern(cycle(4, [1, 2, 4]))).toBe('A-, B- und D-Woche (4-Wochen-Rhythmus)');
    expect(describeWeekPattern(cycle(2, []))).toBe('in keiner Woche');
  });
});

describe('weekPatternForLessonGroup', () => {
  it('should map the common Untis names, ignoring case and spaces', () => {
    expect(weekPatternForLessonGroup('UW')).toEqual({ kind: 'ISO_PARITY', odd: true });
    expect(weekPatternForLessonGroup(' u ')).toEqual({ kind: 'ISO_PARITY', odd: true });
    expect(weekPatternForLessonGroup('gw')).toEqual({ kind: 'ISO_PARITY', odd: false });
    expect(weekPatternForLessonGroup('G')).toEqual({ kind: 'ISO_PARITY', odd: false });
  });

  it('when the name is unknown or missing → should leave it to the caller', () => {
    expect(weekPatternForLessonGroup('1SEM')).toBeUndefined();
    expect(weekPatternForLessonGroup('')).toBeUndefined();
    expect(weekPatternForLessonGroup(undefined)).toBeUndefined();
  });
});

describe('isValidWeekPattern', () => {
  it('should reject cycles runsOn cannot evaluate and malformed dates', () => {
    expect(isValidWeekPattern({ kind: 'CYCLE', length: 2, weeks: [1], anchorMonday: '2026-08-17' })).toBe(true);
    expect(isValidWeekPattern({ kind: 'CYCLE', length: 0, weeks: [], anchorMonday: '2026-08-17' })).toBe(false);
    expect(isValidWeekPattern({ kind: 'CYCLE', length: 2, weeks: [3], anchorMonday: '2026-08-17' })).toBe(false);
    expect(isValidWeekPattern({ kind: 'CYCLE', length: 2, weeks: [1], anchorMonday: '17.08.2026' })).toBe(false);
    expect(isValidWeekPattern({ kind: 'OCCURRENCE', startsOn: '2026-02-30', days: '1' })).toBe(false);
    expect(isValidWeekPattern({ kind: 'ISO_PARITY', odd: true })).toBe(true);
  });
});
