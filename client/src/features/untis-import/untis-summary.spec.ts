import { isBlocking, pendingChanges, previewStatus, shortSha, totalCounts, touchedAreas } from './untis-summary';

const area = (entity: string, added = 0, changed = 0, removed = 0, unchanged = 0) => ({ entity, label: entity, added, changed, removed, unchanged });

describe('Untis import summary', () => {
  describe('previewStatus', () => {
    it('when names are unmatched → should be blocked, even if nothing would change', () => {
      expect(previewStatus({ blocked: true, noChanges: true })).toBe('BLOCKED');
    });

    it('should tell "no changes" from "ready"', () => {
      expect(previewStatus({ blocked: false, noChanges: true })).toBe('NO_CHANGES');
      expect(previewStatus({ blocked: false, noChanges: false })).toBe('READY');
    });
  });

  describe('touchedAreas', () => {
    it('should keep the server order and leave out areas the files did not contain', () => {
      const changes = [area('LESSONS', 2), area('TIMETABLE_ENTRIES', 0, 0, 0, 9), area('SUBSTITUTIONS'), area('HOLIDAYS', 0, 0, 1)];

      expect(touchedAreas(changes).map((c) => c.entity)).toEqual(['LESSONS', 'TIMETABLE_ENTRIES', 'HOLIDAYS']);
    });
  });

  describe('totalCounts and pendingChanges', () => {
    it('should add up every area, and count created records as changes but unchanged rows not', () => {
      const changes = [area('LESSONS', 2, 1, 0, 5), area('TIMETABLE_ENTRIES', 3, 0, 2, 4)];

      expect(totalCounts(changes)).toEqual({ added: 5, changed: 1, removed: 2, unchanged: 9 });
      expect(pendingChanges({ changes, created: [{ kind: 'Raum', name: 'R101' }] })).toBe(9);
    });

    it('when nothing was read → should be all zero', () => {
      expect(totalCounts([])).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 0 });
    });
  });

  it('isBlocking: every unmatched kind but pupils blocks the import', () => {
    expect(isBlocking({ kind: 'CLASS' })).toBe(true);
    expect(isBlocking({ kind: 'TEACHER' })).toBe(true);
    expect(isBlocking({ kind: 'PUPIL' })).toBe(false);
  });

  it('shortSha: should keep the first 12 hex digits', () => {
    expect(shortSha('33e8b9921d873144b2378e75e4d11328799ca08ce324e7cd30b174b7f93086af')).toBe('33e8b9921d87');
  });
});
