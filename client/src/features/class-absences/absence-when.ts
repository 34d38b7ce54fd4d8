import { formatDate } from '@/i18n/format-date';

// How an absence's time span reads in a list: one i18n key with its parameters, so the wording
// stays in de.json/en.json and this stays a pure function.

export interface AbsenceSpan {
  kind: 'DAYS' | 'PERIODS' | 'LATE' | 'EARLY_LEAVE';
  startsOn: string;
  endsOn: string;
  periodFrom?: number | null;
  periodTo?: number | null;
  minutes?: number | null;
}

export interface TextKey {
  key: string;
  params: Record<string, string | number>;
}

const PREFIX = 'classAbsences.when';

/** "30.11.2026", "30.11.–01.12.2026" style parts; the periods or minutes for parts of a day. */
export function absenceWhen(span: AbsenceSpan): TextKey {
  const day = formatDate(span.startsOn);
  switch (span.kind) {
    case 'DAYS':
      return span.startsOn === span.endsOn
        ? { key: `${PREFIX}.day`, params: { day } }
        : { key: `${PREFIX}.days`, params: { from: day, to: formatDate(span.endsOn) } };
    case 'PERIODS': {
      const from = span.periodFrom ?? 1;
      const to = span.periodTo ?? from;
      return from === to
        ? { key: `${PREFIX}.period`, params: { day, period: from } }
        : { key: `${PREFIX}.periods`, params: { day, from, to } };
    }
    case 'EARLY_LEAVE':
      return { key: `${PREFIX}.earlyLeave`, params: { day, period: span.periodFrom ?? 1 } };
    case 'LATE':
      return { key: `${PREFIX}.late`, params: { day, minutes: span.minutes ?? 0 } };
  }
}
