import { moveHighlight, namesakeIds } from './search-hits';

describe('search hits', () => {
  it('should mark namesakes, whatever the case', () => {
    const hits = [
      { pupilId: '1', firstName: 'Lena', lastName: 'Müller' },
      { pupilId: '2', firstName: 'Lena', lastName: 'MÜLLER' },
      { pupilId: '3', firstName: 'Tim', lastName: 'Müller' },
    ];

    expect([...namesakeIds(hits)]).toEqual(['1', '2']);
  });

  it('should move the highlight round the list', () => {
    expect(moveHighlight(-1, 1, 3)).toBe(0);
    expect(moveHighlight(-1, -1, 3)).toBe(2);
    expect(moveHighlight(2, 1, 3)).toBe(0);
    expect(moveHighlight(0, -1, 3)).toBe(2);
    expect(moveHighlight(0, 1, 0)).toBe(-1);
  });
});
