import { filtersFromQuery, queryFromFilters } from './usePupilListFilters';

describe('pupil list filters in the URL', () => {
  describe('filtersFromQuery', () => {
    it('when the URL is empty → should give the defaults', () => {
      expect(filtersFromQuery({})).toEqual({
        search: '', classId: null, page: 1, pageSize: 25, sortField: 'LAST_NAME', sortDirection: 'ASC',
      });
    });

    it('when the URL carries German parameters → should read them', () => {
      const filters = filtersFromQuery({ suche: 'Müller', klasse: 'k1', seite: '3', anzahl: '50', sortierung: 'geburtsdatum', richtung: 'ab' });

      expect(filters).toEqual({ search: 'Müller', classId: 'k1', page: 3, pageSize: 50, sortField: 'BIRTH_DATE', sortDirection: 'DESC' });
    });

    it('when values are invalid (hand-edited URL) → should fall back instead of failing', () => {
      const filters = filtersFromQuery({ seite: '-2', anzahl: '7', sortierung: 'unbekannt' });

      expect(filters).toMatchObject({ page: 1, pageSize: 25, sortField: 'LAST_NAME' });
    });
  });

  describe('queryFromFilters', () => {
    it('should keep only non-default values and round-trip through filtersFromQuery', () => {
      const filters = { search: 'Weiß', classId: null, page: 2, pageSize: 25, sortField: 'CLASS' as const, sortDirection: 'ASC' as const };

      const query = queryFromFilters(filters);

      expect(query).toEqual({ suche: 'Weiß', sortierung: 'klasse', seite: '2' });
      expect(filtersFromQuery(query as Record<string, string>)).toEqual(filters);
    });
  });
});
