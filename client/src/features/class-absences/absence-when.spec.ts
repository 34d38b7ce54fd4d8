import { absenceWhen } from './absence-when';

describe('absenceWhen', () => {
  it.each([
    [{ kind: 'DAYS', startsOn: '2026-11-30', endsOn: '2026-11-30' }, 'day', { day: '30.11.2026' }],
    [{ kind: 'DAYS', startsOn: '2026-11-27', endsOn: '2026-12-01' }, 'days', { from: '27.11.2026', to: '01.12.2026' }],
    [{ kind: 'PERIODS', startsOn: '2026-11-30', endsOn: '2026-11-30', periodFrom: 3, periodTo: 3 }, 'period', { day: '30.11.2026', period: 3 }],
    [{ kind: 'PERIODS', startsOn: '2026-11-30', endsOn: '2026-11-30', periodFrom: 3, periodTo: 4 }, 'periods', { day: '30.11.2026', from: 3, to: 4 }],
    [{ kind: 'EARLY_LEAVE', startsOn: '2026-11-30', endsOn: '2026-11-30', periodFrom: 5 }, 'earlyLeave', { day: '30.11.2026', period: 5 }],
    [{ kind: 'LATE', startsOn: '2026-11-30', endsOn: '2026-11-30', minutes: 15 }, 'late', { day: '30.11.2026', minutes: 15 }],
  ] as const)('%j reads as %s', (span, key, params) => {
    expect(absenceWhen(span)).toEqual({ key: `classAbsences.when.${key}`, params });
  });
});
