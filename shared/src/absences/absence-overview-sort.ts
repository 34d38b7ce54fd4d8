import type { SortDirection } from '../enums';
import type { AbsenceFigures } from './absence-counting';

// The class overview sorts by name or by any figure; ties go by name, so the order is stable.

export const ABSENCE_SORT_FIELDS = [
  'NAME', 'DAYS_ABSENT', 'DAYS_EXCUSED', 'DAYS_UNEXCUSED', 'DAYS_OPEN',
  'LESSONS_ABSENT', 'LESSONS_EXCUSED', 'LESSONS_UNEXCUSED', 'LESSONS_OPEN', 'LATE_COUNT', 'LATE_MINUTES',
] as const;
export type AbsenceSortField = (typeof ABSENCE_SORT_FIELDS)[number];

const FIGURE_OF: Record<Exclude<AbsenceSortField, 'NAME'>, keyof AbsenceFigures> = {
  DAYS_ABSENT: 'daysAbsent', DAYS_EXCUSED: 'daysExcused', DAYS_UNEXCUSED: 'daysUnexcused', DAYS_OPEN: 'daysOpen',
  LESSONS_ABSENT: 'lessonsAbsent', LESSONS_EXCUSED: 'lessonsExcused', LESSONS_UNEXCUSED: 'lessonsUnexcused', LESSONS_OPEN: 'lessonsOpen',
  LATE_COUNT: 'lateCount', LATE_MINUTES: 'lateMinutes',
};

export interface SortableOverviewRow {
  lastName: string;
  firstName: string;
  figures: AbsenceFigures;
}

// "Ä" next to "A", case ignored: how German class lists are ordered.
let germanCollator: Intl.Collator | undefined;

function compareNames(a: SortableOverviewRow, b: SortableOverviewRow): number {
  germanCollator ??= new Intl.Collator('de', { sensitivity: 'base', numeric: true });
  return germanCollator.compare(a.lastName, b.lastName) || germanCollator.compare(a.firstName, b.firstName);
}

/** A sorted copy of the rows. */
export function sortOverviewRows<T extends SortableOverviewRow>(rows: T[], field: AbsenceSortField = 'NAME', direction: SortDirection = 'ASC'): T[] {
  const sign = direction === 'DESC' ? -1 : 1;
  const byFigure = (a: T, b: T) => (field === 'NAME' ? 0 : a.figures[FIGURE_OF[field]] - b.figures[FIGURE_OF[field]]);
  // Names break ties in alphabetical order whatever the direction of the figure.
  return [...rows].sort((a, b) => (field === 'NAME' ? sign * compareNames(a, b) : sign * byFigure(a, b) || compareNames(a, b)));
}
