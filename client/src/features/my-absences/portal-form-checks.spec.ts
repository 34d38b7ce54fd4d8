import { leaveProblems, sicknessProblems } from './portal-form-checks';

const TODAY = '2026-11-28';

describe('portal form checks', () => {
  it.each([
    ['no start day', null, { startsOn: 'missingStart' }],
    ['yesterday', { startsOn: '2026-11-27', endsOn: '2026-11-30' }, { startsOn: 'tooEarly' }],
    ['the end before the start', { startsOn: '2026-11-30', endsOn: '2026-11-29' }, { endsOn: 'endBeforeStart' }],
    ['today (a Saturday): the server trims or refuses it', { startsOn: '2026-11-28', endsOn: '2026-11-29' }, {}],
    ['a school week', { startsOn: '2026-11-30', endsOn: '2026-12-04' }, {}],
  ])('a sick report for %s → %j', (_case, range, expected) => {
    expect(sicknessProblems(range, TODAY)).toEqual(expected);
  });

  it.each([
    ['complete, from tomorrow', { startsOn: '2026-11-29', endsOn: '2026-11-30', note: 'Hochzeit' }, {}],
    ['starting today', { startsOn: TODAY, endsOn: '2026-11-30', note: 'Hochzeit' }, { startsOn: 'tooEarlyLeave' }],
    ['empty', { startsOn: '', endsOn: '', note: '  ' }, { startsOn: 'missingStart', endsOn: 'missingEnd', note: 'missingNote' }],
    ['the end before the start', { startsOn: '2026-12-02', endsOn: '2026-12-01', note: 'Kur' }, { endsOn: 'endBeforeStart' }],
  ])('a leave request %s → %j', (_case, values, expected) => {
    expect(leaveProblems(values, TODAY)).toEqual(expected);
  });
});
