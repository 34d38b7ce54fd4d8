import { periodList, whenOf } from './absence-when';

const day = { startsOn: '2026-11-30', endsOn: '2026-11-30' };

describe('whenOf', () => {
  it.each([
    [{ ...day, kind: 'DAYS' }, 'absenceEntry.when.days', { days: '30.11.2026' }],
    [{ ...day, kind: 'DAYS', endsOn: '2026-12-01' }, 'absenceEntry.when.days', { days: '30.11.–01.12.2026' }],
    [{ ...day, kind: 'PERIODS', periodFrom: 3, periodTo: 4 }, 'absenceEntry.when.periods', { days: '30.11.2026', from: 3, to: 4 }],
    [{ ...day, kind: 'PERIODS', periodFrom: 2, periodTo: 2 }, 'absenceEntry.when.period', { days: '30.11.2026', period: 2 }],
    [{ ...day, kind: 'LATE', minutes: 15 }, 'absenceEntry.when.late', { days: '30.11.2026', minutes: 15 }],
    [{ ...day, kind: 'EARLY_LEAVE', periodFrom: 5 }, 'absenceEntry.when.earlyLeave', { days: '30.11.2026', period: 5 }],
  ] as const)('%j → %s', (absence, key, params) => {
    expect(whenOf(absence)).toEqual({ key, params });
  });

  it('should list the register\'s periods in order', () => {
    expect(periodList([5, 1, 2])).toBe('1, 2, 5');
  });
});
