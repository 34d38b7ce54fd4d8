import type { AbsenceKind } from '@/api/generated/graphql';

// When an absence is, worked out once for every absence screen: which wording (a key name; each
// screen has its own set under absenceEntry.when, classAbsences.when, myAbsences.when) and the
// days and numbers it is said with. Whole days are one day or a span; the other kinds are one
// day with its periods, minutes late or the period the pupil left from. The days stay
// 'YYYY-MM-DD': each screen writes them its own way (plain, with the weekday, as one span).

export interface AbsenceTime {
  kind: AbsenceKind;
  startsOn: string;
  endsOn: string;
  periodFrom?: number | null;
  periodTo?: number | null;
  minutes?: number | null;
}

export type WhenKey = 'day' | 'days' | 'period' | 'periods' | 'late' | 'earlyLeave';

/** A number the kind needs but the entry lacks (the server never sends one so): shown as such. */
export const MISSING = '?';

export interface AbsenceWhen {
  key: WhenKey;
  /** calendar days by parameter name: `day`, or `from` and `to` */
  dates: Record<string, string>;
  numbers: Record<string, number | typeof MISSING>;
}

export function absenceWhen(absence: AbsenceTime): AbsenceWhen {
  const day = { day: absence.startsOn };
  switch (absence.kind) {
    case 'DAYS':
      return absence.startsOn === absence.endsOn
        ? { key: 'day', dates: day, numbers: {} }
        : { key: 'days', dates: { from: absence.startsOn, to: absence.endsOn }, numbers: {} };
    case 'PERIODS': {
      const from = absence.periodFrom ?? MISSING;
      const to = absence.periodTo ?? from;
      return from === to ? { key: 'period', dates: day, numbers: { period: from } } : { key: 'periods', dates: day, numbers: { from, to } };
    }
    case 'LATE':
      return { key: 'late', dates: day, numbers: { minutes: absence.minutes ?? MISSING } };
    case 'EARLY_LEAVE':
      return { key: 'earlyLeave', dates: day, numbers: { period: absence.periodFrom ?? MISSING } };
  }
}

export interface WhenText {
  /** i18n key */
  key: string;
  params: Record<string, string | number>;
}

/** The wording under `prefix` (e.g. 'classAbsences.when') and its parameters, each day written by `formatDay`. */
export function whenText(absence: AbsenceTime, prefix: string, formatDay: (date: string) => string): WhenText {
  const { key, dates, numbers } = absenceWhen(absence);
  const days = Object.fromEntries(Object.entries(dates).map(([name, date]) => [name, formatDay(date)]));
  return { key: `${prefix}.${key}`, params: { ...days, ...numbers } };
}
