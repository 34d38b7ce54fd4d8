import { shortSpanLabel, spanForChoice, spanLabel } from './entry-days';

// 2026-11-30 is a Monday; school days of a week with Wednesday 2026-12-02 off.
const FROM_MONDAY = ['2026-11-30', '2026-12-01', '2026-12-03', '2026-12-04', '2026-12-07'];
const FROM_FRIDAY = ['2026-12-04', '2026-12-07', '2026-12-08'];
const NO_RANGE = {};

describe('spanForChoice', () => {
  it.each([
    ['TODAY', FROM_MONDAY, '2026-11-30', '2026-11-30'],
    ['TWO_DAYS', FROM_MONDAY, '2026-11-30', '2026-12-01'],
    ['UNTIL_FRIDAY', FROM_MONDAY, '2026-11-30', '2026-12-04'],
    ['TWO_DAYS', FROM_FRIDAY, '2026-12-04', '2026-12-07'],
    ['UNTIL_FRIDAY', FROM_FRIDAY, '2026-12-04', '2026-12-04'],
  ] as const)('%s from %j → %s to %s', (choice, days, startsOn, endsOn) => {
    expect(spanForChoice(choice, days, NO_RANGE)).toEqual({ startsOn, endsOn });
  });

  it('"until Friday" should end on the last school day of the week when Friday is off', () => {
    expect(spanForChoice('UNTIL_FRIDAY', ['2026-11-30', '2026-12-01', '2026-12-07'], NO_RANGE)).toEqual({ startsOn: '2026-11-30', endsOn: '2026-12-01' });
  });

  it('should know nothing before the school days are loaded', () => {
    expect(spanForChoice('TODAY', [], NO_RANGE)).toBeNull();
  });

  it('a range should take the two fields, and nothing while one is missing or it runs backwards', () => {
    expect(spanForChoice('RANGE', FROM_MONDAY, { startsOn: '2026-12-01', endsOn: '2026-12-10' })).toEqual({ startsOn: '2026-12-01', endsOn: '2026-12-10' });
    expect(spanForChoice('RANGE', FROM_MONDAY, { startsOn: '2026-12-01' })).toBeNull();
    expect(spanForChoice('RANGE', FROM_MONDAY, { startsOn: '2026-12-10', endsOn: '2026-12-01' })).toBeNull();
  });
});

describe('span labels', () => {
  it('should be short for the success message', () => {
    expect(shortSpanLabel({ startsOn: '2026-11-30', endsOn: '2026-11-30' })).toBe('30.11.');
    expect(shortSpanLabel({ startsOn: '2026-11-30', endsOn: '2026-12-01' })).toBe('30.11.–01.12.');
  });

  it('should carry the year in lists, twice across a new year', () => {
    expect(spanLabel({ startsOn: '2026-11-30', endsOn: '2026-11-30' })).toBe('30.11.2026');
    expect(spanLabel({ startsOn: '2026-11-30', endsOn: '2026-12-01' })).toBe('30.11.–01.12.2026');
    expect(spanLabel({ startsOn: '2026-12-30', endsOn: '2027-01-04' })).toBe('30.12.2026–04.01.2027');
  });
});
