import { absenceWhen } from '@/features/absences-common/absence-when';
import type { AbsenceTime, WhenText } from '@/features/absences-common/absence-when';
import { spanLabel } from './entry-days';

// When an absence is, as the day list and the success message say it (keys under
// absenceEntry.when): the days always as one span label ("30.11.–01.12.2026"), so a single day and
// a span share one wording.
export function whenOf(absence: AbsenceTime): WhenText {
  const { key, numbers } = absenceWhen(absence);
  return { key: `absenceEntry.when.${key === 'day' ? 'days' : key}`, params: { days: spanLabel(absence), ...numbers } };
}

/** "Std. 1, 2, 5" of the register's list; consecutive periods stay listed, they are few. */
export const periodList = (periods: readonly number[]) => [...periods].sort((a, b) => a - b).join(', ');
