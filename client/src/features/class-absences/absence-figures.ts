import type { AbsenceFigures } from '@schulverwaltung/shared';
import type { AbsenceSortField, SortDirection } from '@/api/generated/graphql';

// The figures a certificate prints (Fehltage, Fehlstunden, Verspätungen), in the order the class
// overview's columns and a pupil's statistics show them, with the sort field of each column.
// "Open" (reported, not yet decided) is no column of its own: the total cell mentions it, so the
// table fits the screen and total = excused + unexcused + open stays explainable.

/** A row's figures: the shared counting's, without the school days and lessons held (no columns). */
export type Figures = Omit<AbsenceFigures, 'schoolDays' | 'lessonsHeld'>;

export interface FigureColumn {
  field: keyof Figures;
  sortField: AbsenceSortField;
  /** the open part of a total, mentioned in its cell */
  openField?: keyof Figures;
}

export const FIGURE_COLUMNS: FigureColumn[] = [
  { field: 'daysAbsent', sortField: 'DAYS_ABSENT', openField: 'daysOpen' },
  { field: 'daysExcused', sortField: 'DAYS_EXCUSED' },
  { field: 'daysUnexcused', sortField: 'DAYS_UNEXCUSED' },
  { field: 'lessonsAbsent', sortField: 'LESSONS_ABSENT', openField: 'lessonsOpen' },
  { field: 'lessonsExcused', sortField: 'LESSONS_EXCUSED' },
  { field: 'lessonsUnexcused', sortField: 'LESSONS_UNEXCUSED' },
  { field: 'lateCount', sortField: 'LATE_COUNT' },
  { field: 'lateMinutes', sortField: 'LATE_MINUTES' },
];

export interface OverviewSort {
  field: AbsenceSortField;
  direction: SortDirection;
}

export const DEFAULT_SORT: OverviewSort = { field: 'NAME', direction: 'ASC' };

/**
 * A click on a column header: the same column again turns the direction round; a new figure
 * column starts with the highest numbers (who missed most), the name column with A.
 */
export function nextSort(current: OverviewSort, field: AbsenceSortField): OverviewSort {
  if (current.field === field) return { field, direction: current.direction === 'ASC' ? 'DESC' : 'ASC' };
  return { field, direction: field === 'NAME' ? 'ASC' : 'DESC' };
}

/** aria-sort of a column header: only the sorted column says how. */
export function ariaSort(current: OverviewSort, field: AbsenceSortField): 'ascending' | 'descending' | 'none' {
  if (current.field !== field) return 'none';
  return current.direction === 'ASC' ? 'ascending' : 'descending';
}

const SORT_FIELDS: readonly string[] = ['NAME', ...FIGURE_COLUMNS.map((column) => column.sortField)];

/** The sort kept in the URL (?sortierung=DAYS_ABSENT&richtung=DESC); anything unknown is the default. */
export function sortFromQuery(field: unknown, direction: unknown): OverviewSort {
  if (typeof field !== 'string' || !SORT_FIELDS.includes(field)) return DEFAULT_SORT;
  const dir: SortDirection = direction === 'DESC' ? 'DESC' : direction === 'ASC' ? 'ASC' : nextSort(DEFAULT_SORT, field as AbsenceSortField).direction;
  return { field: field as AbsenceSortField, direction: dir };
}

/** The server's exports in the order on screen (GET with the session cookie). */
export function overviewExportUrl(classId: string, format: 'csv' | 'xlsx', term: number, sort: OverviewSort): string {
  const query = new URLSearchParams({ term: String(term), sort: sort.field, direction: sort.direction });
  return `/api/groups/${encodeURIComponent(classId)}/absence-overview.${format}?${query}`;
}

/** The letter to the guardians about a term's unexcused absences (PDF). */
export function absenceLetterUrl(pupilId: string, term: number): string {
  return `/api/pupils/${encodeURIComponent(pupilId)}/absence-letter.pdf?term=${term}`;
}
