import { computed } from 'vue';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { useRoute, useRouter } from 'vue-router';
import type { PupilSortField, SortDirection } from '@/api/generated/graphql';

export interface PupilListFilters {
  search: string;
  classId: string | null;
  page: number;
  pageSize: number;
  sortField: PupilSortField;
  sortDirection: SortDirection;
}

export const PAGE_SIZES = [25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 25;

// Readable, German URL values: /schueler?suche=mueller&klasse=…&sortierung=geburtsdatum&richtung=ab&seite=2
const SORT_PARAMS: Record<string, PupilSortField> = {
  name: 'LAST_NAME', vorname: 'FIRST_NAME', geburtsdatum: 'BIRTH_DATE', klasse: 'CLASS',
};
const sortParamOf = (field: PupilSortField) => Object.keys(SORT_PARAMS).find((key) => SORT_PARAMS[key] === field) ?? 'name';

const firstValue = (value: LocationQuery[string]): string | undefined =>
  (Array.isArray(value) ? value[0] : value) ?? undefined;

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

export function filtersFromQuery(query: LocationQuery): PupilListFilters {
  const pageSize = positiveInt(firstValue(query.anzahl), DEFAULT_PAGE_SIZE);
  return {
    search: firstValue(query.suche) ?? '',
    classId: firstValue(query.klasse) || null,
    page: positiveInt(firstValue(query.seite), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    sortField: SORT_PARAMS[firstValue(query.sortierung) ?? ''] ?? 'LAST_NAME',
    sortDirection: firstValue(query.richtung) === 'ab' ? 'DESC' : 'ASC',
  };
}

/** Only non-default values go into the URL, so a plain list has a plain address. */
export function queryFromFilters(filters: PupilListFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (filters.search) query.suche = filters.search;
  if (filters.classId) query.klasse = filters.classId;
  if (filters.sortField !== 'LAST_NAME') query.sortierung = sortParamOf(filters.sortField);
  if (filters.sortDirection === 'DESC') query.richtung = 'ab';
  if (filters.pageSize !== DEFAULT_PAGE_SIZE) query.anzahl = String(filters.pageSize);
  if (filters.page > 1) query.seite = String(filters.page);
  return query;
}

/** Filters, sort and page of the pupil list live in the URL: shareable, and Back works. */
export function usePupilListFilters() {
  const route = useRoute();
  const router = useRouter();
  const filters = computed(() => filtersFromQuery(route.query));

  /** Changing anything but the page starts again at page 1. */
  function update(changes: Partial<PupilListFilters>, options: { replace?: boolean } = {}): void {
    const page = changes.page ?? 1;
    const query = queryFromFilters({ ...filters.value, ...changes, page });
    void (options.replace ? router.replace({ query }) : router.push({ query }));
  }

  return { filters, update };
}
