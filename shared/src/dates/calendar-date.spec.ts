import { addDays, ageOn, berlinDate, isCalendarDate, isOfAge, weekday } from './calendar-date';
import { schoolYearContaining, termsOf } from './school-year';

describe('calendar days', () => {
  it('berlinDate → should give the Berlin day, not the UTC day, around midnight', () => {
    expect(berlinDate(new Date('2026-11-27T23:30:00Z'))).toBe('2026-11-28'); // 00:30 in Berlin (CET)
    expect(berlinDate(new Date('2026-07-31T22:30:00Z'))).toBe('2026-08-01'); // 00:30 in Berlin (CEST)
    expect(berlinDate(new Date('2026-11-28T22:59:00Z'))).toBe('2026-11-28');
  });

  it('isCalendarDate → should accept real days only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('01.08.2026')).toBe(false);
  });

  it('addDays and weekday → should cross months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(weekday('2026-11-27')).toBe(5); // Friday
    expect(weekday('2026-11-29')).toBe(7); // Sunday
  });

  it('ageOn / isOfAge → should count completed years; 18 on the birthday, not the day before', () => {
    expect(ageOn('2008-11-28', '2026-11-27')).toBe(17);
    expect(isOfAge('2008-11-28', '2026-11-28')).toBe(true);
    expect(isOfAge('2008-11-29', '2026-11-28')).toBe(false);
    expect(isOfAge('2008-02-29', '2026-02-28')).toBe(false); // born on 29 Feb: of age on 1 Mar
    expect(isOfAge('2008-02-29', '2026-03-01')).toBe(true);
    expect(isOfAge(null, '2026-11-28')).toBe(false);
  });
});

describe('school years', () => {
  it('should run from 1 August to 31 July with the second term from 1 February', () => {
    expect(schoolYearContaining('2026-11-28')).toEqual({ name: '2026/27', startsOn: '2026-08-01', endsOn: '2027-07-31', midYearOn: '2027-02-01' });
    expect(schoolYearContaining('2027-07-31').name).toBe('2026/27');
    expect(schoolYearContaining('2027-08-01').name).toBe('2027/28');
    expect(schoolYearContaining('2099-09-01').name).toBe('2099/00');
  });

  it('termsOf → should split at the mid-year date', () => {
    expect(termsOf(schoolYearContaining('2026-11-28'))).toEqual([
      { number: 1, startsOn: '2026-08-01', endsOn: '2027-01-31' },
      { number: 2, startsOn: '2027-02-01', endsOn: '2027-07-31' },
    ]);
  });
});
