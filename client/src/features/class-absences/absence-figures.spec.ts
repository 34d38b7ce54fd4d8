import { absenceLetterUrl, ariaSort, DEFAULT_SORT, nextSort, overviewExportUrl, sortFromQuery } from './absence-figures';

describe('class overview sorting and downloads', () => {
  it('starts a figure column with the highest numbers and a name column with A', () => {
    expect(nextSort(DEFAULT_SORT, 'DAYS_UNEXCUSED')).toEqual({ field: 'DAYS_UNEXCUSED', direction: 'DESC' });
    expect(nextSort({ field: 'LATE_COUNT', direction: 'DESC' }, 'NAME')).toEqual({ field: 'NAME', direction: 'ASC' });
  });

  it('turns the direction round on a second click', () => {
    expect(nextSort({ field: 'DAYS_ABSENT', direction: 'DESC' }, 'DAYS_ABSENT')).toEqual({ field: 'DAYS_ABSENT', direction: 'ASC' });
    expect(nextSort(DEFAULT_SORT, 'NAME')).toEqual({ field: 'NAME', direction: 'DESC' });
  });

  it('marks only the sorted column for screen readers', () => {
    const sort = { field: 'LESSONS_ABSENT', direction: 'DESC' } as const;
    expect(ariaSort(sort, 'LESSONS_ABSENT')).toBe('descending');
    expect(ariaSort(sort, 'NAME')).toBe('none');
    expect(ariaSort(DEFAULT_SORT, 'NAME')).toBe('ascending');
  });

  it.each([
    [undefined, undefined, DEFAULT_SORT],
    ['DAYS_ABSENT', 'ASC', { field: 'DAYS_ABSENT', direction: 'ASC' }],
    ['DAYS_ABSENT', undefined, { field: 'DAYS_ABSENT', direction: 'DESC' }],
    ['DROP TABLE', 'DESC', DEFAULT_SORT],
    [['NAME'], 'DESC', DEFAULT_SORT],
  ])('reads ?sortierung=%j&richtung=%j from the URL', (field, direction, sort) => {
    expect(sortFromQuery(field, direction)).toEqual(sort);
  });

  it('downloads the overview in the order on screen', () => {
    expect(overviewExportUrl('c 1', 'xlsx', 2, { field: 'LATE_MINUTES', direction: 'DESC' }))
      .toBe('/api/groups/c%201/absence-overview.xlsx?term=2&sort=LATE_MINUTES&direction=DESC');
    expect(absenceLetterUrl('p1', 1)).toBe('/api/pupils/p1/absence-letter.pdf?term=1');
  });
});
