import { termFromQuery, termOn } from './terms';

const TERMS = [
  { number: 2, startsOn: '2027-02-01', endsOn: '2027-07-31' },
  { number: 1, startsOn: '2026-08-01', endsOn: '2027-01-31' },
];

describe('terms', () => {
  it.each([
    ['2026-11-28', 1],
    ['2027-01-31', 1],
    ['2027-02-01', 2],
    ['2026-07-15', 1], // before the school year: its first term
    ['2027-08-10', 2], // after it: the last term begun
  ])('%s falls in term %i', (today, term) => {
    expect(termOn(TERMS, today)).toBe(term);
  });

  it('falls back to the first term without terms', () => {
    expect(termOn([], '2026-11-28')).toBe(1);
  });

  it.each([['1', 1], ['2', 2], ['3', null], [undefined, null], [['1'], null]])('?halbjahr=%j → %j', (value, term) => {
    expect(termFromQuery(value)).toBe(term);
  });
});
