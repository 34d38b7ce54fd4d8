import type { AbsenceKind } from '@/api/generated/graphql';
import { spanLabel } from './entry-days';

// When an absence is, as the day list says it: whole days as a span, the rest as one day with its
// periods, minutes late or the period the pupil left. Returned as an i18n key with its values
// (keys under absenceEntry.when), so the list and the success message say it alike.

export interface AbsenceTime {
  kind: AbsenceKind;
  startsOn: string;
  endsOn: string;
  periodFrom?: number | null;
  periodTo?: number | null;
  minutes?: number | null;
}

export interface WhenText {
  key: string;
  values: Record<string, string | number>;
}

export function whenOf(absence: AbsenceTime): WhenText {
  const days = spanLabel(absence);
  switch (absence.kind) {
    case 'PERIODS':
      return absence.periodFrom === absence.periodTo
        ? { key: 'absenceEntry.when.period', values: { days, period: absence.periodFrom ?? '?' } }
        : { key: 'absenceEntry.when.periods', values: { days, from: absence.periodFrom ?? '?', to: absence.periodTo ?? '?' } };
    case 'LATE':
      return { key: 'absenceEntry.when.late', values: { days, minutes: absence.minutes ?? '?' } };
    case 'EARLY_LEAVE':
      return { key: 'absenceEntry.when.earlyLeave', values: { days, period: absence.periodFrom ?? '?' } };
    default:
      return { key: 'absenceEntry.when.days', values: { days } };
  }
}

/** "Std. 1, 2, 5" of the register's list; consecutive periods stay listed, they are few. */
export const periodList = (periods: readonly number[]) => [...periods].sort((a, b) => a - b).join(', ');
