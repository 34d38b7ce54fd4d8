import { CachedSchoolDay, TimetableDayCache } from './timetable-day-cache';

const day = (revision: string, subject = 'M'): CachedSchoolDay => ({
  revision, timeGrid: [], daysOff: [],
  lessons: [{ subject: { id: 's', shortName: subject, name: subject } } as unknown as CachedSchoolDay['lessons'][number]],
});

describe('TimetableDayCache', () => {
  it('should answer a day only under the revision it was stored with', () => {
    const cache = new TimetableDayCache(10);
    cache.set('school', '2026-12-01', day('7'));

    expect(cache.get('school', '2026-12-01', '7')?.lessons).toHaveLength(1);
    expect(cache.get('school', '2026-12-01', '8')).toBeUndefined();
    expect(cache.get('other', '2026-12-01', '7')).toBeUndefined();
  });

  it('should drop the least recently used day beyond its capacity', () => {
    const cache = new TimetableDayCache(2);
    cache.set('s', '2026-12-01', day('1'));
    cache.set('s', '2026-12-02', day('1'));
    cache.get('s', '2026-12-01', '1');
    cache.set('s', '2026-12-03', day('1'));

    expect(cache.size).toBe(2);
    expect(cache.get('s', '2026-12-02', '1')).toBeUndefined();
    expect(cache.get('s', '2026-12-01', '1')).toBeDefined();
  });

  it('should freeze what it shares, so a reader cannot change it for the next', () => {
    const cache = new TimetableDayCache(2);
    cache.set('s', '2026-12-01', day('1'));
    const lesson = cache.get('s', '2026-12-01', '1')!.lessons[0];

    expect(() => { (lesson.subject as { shortName: string }).shortName = 'X'; }).toThrow(TypeError);
  });

  it('should keep nothing with capacity 0', () => {
    const cache = new TimetableDayCache(1);
    cache.set('s', '2026-12-01', day('1'));
    cache.resize(0);
    cache.set('s', '2026-12-02', day('1'));

    expect(cache.enabled).toBe(false);
    expect(cache.size).toBe(0);
  });
});
