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

describe('TimetableDayCache.getOrLoad', () => {
  const loaderOf = (subject: string) => {
    const calls: string[] = [];
    const load = async (from: string, to: string) => {
      calls.push(`${from}..${to}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const days = new Map<string, Omit<CachedSchoolDay, 'revision'>>();
      for (let date = from; date <= to; date = date.replace(/\d\d$/, (d) => String(Number(d) + 1).padStart(2, '0'))) {
        days.set(date, { timeGrid: [], daysOff: [], lessons: day('x', subject).lessons });
      }
      return days;
    };
    return { calls, load };
  };

  it('should load days that many requests miss at the same moment only once', async () => {
    const cache = new TimetableDayCache(10);
    const { calls, load } = loaderOf('M');

    const answers = await Promise.all(Array.from({ length: 20 }, () => cache.getOrLoad('s', ['2026-12-01', '2026-12-02'], '1', load)));

    expect(calls).toEqual(['2026-12-01..2026-12-02']);
    expect(answers.every((days) => days.map((d) => d.lessons[0].subject?.shortName).join() === 'M,M')).toBe(true);
    expect(cache.size).toBe(2);
  });

  it('should load only the days not cached and keep the order asked', async () => {
    const cache = new TimetableDayCache(10);
    cache.set('s', '2026-12-01', day('1', 'D'));
    const { calls, load } = loaderOf('E');

    const days = await cache.getOrLoad('s', ['2026-12-01', '2026-12-02', '2026-12-03'], '1', load);

    expect(calls).toEqual(['2026-12-02..2026-12-03']);
    expect(days.map((d) => d.lessons[0].subject?.shortName)).toEqual(['D', 'E', 'E']);
  });

  it('should load again itself when the load it waited for failed, and fail the request whose own load failed', async () => {
    const cache = new TimetableDayCache(10);
    const failing = async () => { await new Promise((resolve) => setTimeout(resolve, 5)); throw new Error('rolled back'); };
    const { calls, load } = loaderOf('M');

    const first = cache.getOrLoad('s', ['2026-12-01'], '1', failing);
    const second = cache.getOrLoad('s', ['2026-12-01'], '1', load);

    await expect(first).rejects.toThrow('rolled back');
    expect((await second)[0].lessons[0].subject?.shortName).toBe('M');
    expect(calls).toEqual(['2026-12-01..2026-12-01']);
  });

  it('should not share a load across revisions', async () => {
    const cache = new TimetableDayCache(10);
    const { calls, load } = loaderOf('M');

    await Promise.all([cache.getOrLoad('s', ['2026-12-01'], '1', load), cache.getOrLoad('s', ['2026-12-01'], '2', load)]);

    expect(calls).toHaveLength(2);
  });
});
