import { formatDate } from '@/i18n/format-date';
import { absenceWhen, whenText } from './absence-when';
import type { AbsenceTime } from './absence-when';

const day = { startsOn: '2026-11-30', endsOn: '2026-11-30' };

describe('absenceWhen', () => {
  it.each([
    [{ ...day, kind: 'DAYS' }, { key: 'day', dates: { day: '2026-11-30' }, numbers: {} }],
    [{ ...day, kind: 'DAYS', endsOn: '2026-12-01' }, { key: 'days', dates: { from: '2026-11-30', to: '2026-12-01' }, numbers: {} }],
    [{ ...day, kind: 'PERIODS', periodFrom: 3, periodTo: 4 }, { key: 'periods', dates: { day: '2026-11-30' }, numbers: { from: 3, to: 4 } }],
    [{ ...day, kind: 'PERIODS', periodFrom: 2, periodTo: 2 }, { key: 'period', dates: { day: '2026-11-30' }, numbers: { period: 2 } }],
    [{ ...day, kind: 'LATE', minutes: 15 }, { key: 'late', dates: { day: '2026-11-30' }, numbers: { minutes: 15 } }],
    [{ ...day, kind: 'EARLY_LEAVE', periodFrom: 5 }, { key: 'earlyLeave', dates: { day: '2026-11-30' }, numbers: { period: 5 } }],
  ] as const)('%j → %j', (absence, expected) => {
    expect(absenceWhen(absence)).toEqual(expected);
  });

  it('a number the kind needs but lacks → should read "?", a missing last period as the first', () => {
    expect(absenceWhen({ ...day, kind: 'PERIODS', periodFrom: 3 }).numbers).toEqual({ period: 3 });
    expect(absenceWhen({ ...day, kind: 'PERIODS' }).numbers).toEqual({ period: '?' });
    expect(absenceWhen({ ...day, kind: 'LATE' }).numbers).toEqual({ minutes: '?' });
    expect(absenceWhen({ ...day, kind: 'EARLY_LEAVE' }).numbers).toEqual({ period: '?' });
  });
});

describe('whenText', () => {
  it.each([
    [{ kind: 'DAYS', startsOn: '2026-11-30', endsOn: '2026-11-30' }, 'day', { day: '30.11.2026' }],
    [{ kind: 'DAYS', startsOn: '2026-11-27', endsOn: '2026-12-01' }, 'days', { from: '27.11.2026', to: '01.12.2026' }],
    [{ kind: 'PERIODS', startsOn: '2026-11-30', endsOn: '2026-11-30', periodFrom: 3, periodTo: 3 }, 'period', { day: '30.11.2026', period: 3 }],
    [{ kind: 'PERIODS', startsOn: '2026-11-30', endsOn: '2026-11-30', periodFrom: 3, periodTo: 4 }, 'periods', { day: '30.11.2026', from: 3, to: 4 }],
    [{ kind: 'EARLY_LEAVE', startsOn: '2026-11-30', endsOn: '2026-11-30', periodFrom: 5 }, 'earlyLeave', { day: '30.11.2026', period: 5 }],
    [{ kind: 'LATE', startsOn: '2026-11-30', endsOn: '2026-11-30', minutes: 15 }, 'late', { day: '30.11.2026', minutes: 15 }],
  ] as const)('%j reads as %s', (span, key, params) => {
    expect(whenText(span, 'classAbsences.when', formatDate)).toEqual({ key: `classAbsences.when.${key}`, params });
  });

  it('should write every day with the screen\'s own formatter', () => {
    const absence: AbsenceTime = { kind: 'DAYS', startsOn: '2026-11-30', endsOn: '2026-12-01' };
    expect(whenText(absence, 'myAbsences.when', (date) => `Tag ${date}`)).toEqual({
      key: 'myAbsences.when.days', params: { from: 'Tag 2026-11-30', to: 'Tag 2026-12-01' },
    });
  });
});
