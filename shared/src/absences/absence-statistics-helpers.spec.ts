import { EMPTY_FIGURES } from './absence-counting';
import { sortOverviewRows } from './absence-overview-sort';
import { ABSENCE_SETTINGS_DEFAULTS, isLetterDue, updateAbsenceSettingsSchema } from './absence-settings';
import { statisticsRange, termOn } from './absence-terms';

const YEAR = { startsOn: '2026-08-01', endsOn: '2027-07-31', midYearOn: '2027-02-01' };

describe('statisticsRange / termOn', () => {
  it('should give each term, or the whole school year without a term', () => {
    expect(statisticsRange(YEAR, 1)).toEqual({ from: '2026-08-01', to: '2027-01-31' });
    expect(statisticsRange(YEAR, 2)).toEqual({ from: '2027-02-01', to: '2027-07-31' });
    expect(statisticsRange(YEAR, null)).toEqual({ from: '2026-08-01', to: '2027-07-31' });
  });

  it('should split at the mid-year date', () => {
    expect(termOn(YEAR, '2027-01-31')).toBe(1);
    expect(termOn(YEAR, '2027-02-01')).toBe(2);
  });
});

describe('isLetterDue', () => {
  const thresholds = { letterAfterUnexcusedDays: 3, letterAfterUnexcusedLessons: 10 };

  it.each([
    [2, 9, false],
    [3, 0, true],
    [0, 10, true],
    [2, 12, true],
  ])('unexcused days %i, lessons %i → %s', (daysUnexcused, lessonsUnexcused, expected) => {
    expect(isLetterDue({ daysUnexcused, lessonsUnexcused }, thresholds)).toBe(expected);
  });
});

describe('updateAbsenceSettingsSchema', () => {
  it('should accept the defaults and a partial change', () => {
    expect(updateAbsenceSettingsSchema.safeParse(ABSENCE_SETTINGS_DEFAULTS).success).toBe(true);
    expect(updateAbsenceSettingsSchema.parse({ letterAfterUnexcusedDays: 5 })).toEqual({ letterAfterUnexcusedDays: 5 });
  });

  it.each([
    [{ letterAfterUnexcusedDays: 0 }, 'letterAfterUnexcusedDays', 'muss mindestens 1 sein'],
    [{ letterAfterUnexcusedLessons: 2.5 }, 'letterAfterUnexcusedLessons', 'muss eine ganze Zahl sein'],
    [{ excuseDeadlineSchoolDays: 31 }, 'excuseDeadlineSchoolDays', 'darf höchstens 30 sein'],
  ])('%j → should name %s: %s', (input, field, message) => {
    const result = updateAbsenceSettingsSchema.safeParse(input);

    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: [field], message });
  });
});

describe('sortOverviewRows', () => {
  const row = (lastName: string, firstName: string, daysUnexcused: number, lateMinutes = 0) =>
    ({ lastName, firstName, figures: { ...EMPTY_FIGURES, daysUnexcused, lateMinutes } });
  const rows = [row('Zander', 'Ida', 2), row('Özdemir', 'Elif', 5), row('Albers', 'Ben', 2), row('Müller', 'Änne', 0, 30)];
  const names = (sorted: typeof rows) => sorted.map((r) => r.lastName);

  it('by name → German alphabetical order (Ö beside O)', () => {
    expect(names(sortOverviewRows(rows))).toEqual(['Albers', 'Müller', 'Özdemir', 'Zander']);
    expect(names(sortOverviewRows(rows, 'NAME', 'DESC'))).toEqual(['Zander', 'Özdemir', 'Müller', 'Albers']);
  });

  it('by a figure, descending → highest first, ties by name', () => {
    expect(names(sortOverviewRows(rows, 'DAYS_UNEXCUSED', 'DESC'))).toEqual(['Özdemir', 'Albers', 'Zander', 'Müller']);
    expect(names(sortOverviewRows(rows, 'LATE_MINUTES', 'ASC'))).toEqual(['Albers', 'Özdemir', 'Zander', 'Müller']);
  });
});
