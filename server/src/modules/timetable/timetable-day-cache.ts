import type { CalendarDate } from '@schulverwaltung/shared';
import type { DatedLesson, DayOffRow, TimeGridRow } from './timetable-data';

// Expanded school days, kept in memory: every absence entry, class register and day view asks for
// the same few days of a school again and again, and expanding them costs four statements and the
// expansion itself each time. A day is cached under the school's timetable revision
// (schools.timetable_revision, set by database triggers on every change of what a timetable is
// built from), so whoever changes the timetable — an import, the CLI, another server instance —
// makes every cached day of that school stale at once. Least recently used days are dropped first.
// Days being loaded are shared too: when the morning's first fifty requests all miss the same day,
// one of them loads it and the others wait for it, instead of fifty loading the whole school.

export interface CachedSchoolDay {
  revision: string;
  /** every lesson of the school that day, by time; frozen, shared by all readers */
  lessons: readonly DatedLesson[];
  /** days off that touch the day */
  daysOff: readonly DayOffRow[];
  timeGrid: readonly TimeGridRow[];
}

/** Loads a school's days from–to (inclusive) as they are now, by date. */
export type SchoolDaysLoader = (from: CalendarDate, to: CalendarDate) => Promise<Map<CalendarDate, Omit<CachedSchoolDay, 'revision'>>>;

export class TimetableDayCache {
  private readonly days = new Map<string, CachedSchoolDay>();
  private readonly loading = new Map<string, Promise<CachedSchoolDay | undefined>>();

  constructor(private capacity: number) {}

  /** 0 turns caching off. */
  resize(capacity: number): void {
    this.capacity = capacity;
    this.evictBeyondCapacity();
  }

  get enabled(): boolean {
    return this.capacity > 0;
  }

  get(schoolId: string, date: CalendarDate, revision: string): CachedSchoolDay | undefined {
    const key = `${schoolId}|${date}`;
    const day = this.days.get(key);
    if (!day) return undefined;
    this.days.delete(key);
    if (day.revision !== revision) return undefined;
    this.days.set(key, day); // most recently used last
    return day;
  }

  /**
   * The days (in the order asked) under `revision`: cached ones at once, days another request is
   * loading under the same revision from that load, the rest with one call of `load` for their
   * span. Should another request's load fail (its transaction rolled back, say), those days are
   * loaded again here rather than failing this request too; a failure of this request's own load
   * is its error.
   */
  async getOrLoad(schoolId: string, dates: CalendarDate[], revision: string, load: SchoolDaysLoader): Promise<CachedSchoolDay[]> {
    const found: Array<CachedSchoolDay | Promise<CachedSchoolDay | undefined> | undefined> = dates.map(
      (date) => this.get(schoolId, date, revision) ?? this.loading.get(loadingKey(schoolId, date, revision)),
    );
    const missing = dates.filter((_, i) => !found[i]);
    if (missing.length > 0) {
      const loaded = await this.startLoad(schoolId, missing, revision, load);
      for (const date of missing) found[dates.indexOf(date)] = { revision, ...loaded.get(date)! };
    }
    const days = await Promise.all(found);
    const failed = dates.filter((_, i) => !days[i]);
    if (failed.length === 0) return days as CachedSchoolDay[];
    const reloaded = await load(failed[0], failed[failed.length - 1]);
    return dates.map((date, i) => days[i] ?? { revision, ...reloaded.get(date)! });
  }

  /** Loads the dates' span once, caches the days, and lets other requests wait for them meanwhile. */
  private startLoad(schoolId: string, dates: CalendarDate[], revision: string, load: SchoolDaysLoader): ReturnType<SchoolDaysLoader> {
    const batch = load(dates[0], dates[dates.length - 1]);
    for (const date of dates) {
      const key = loadingKey(schoolId, date, revision);
      const shared = batch.then(
        (loaded) => {
          this.set(schoolId, date, { revision, ...loaded.get(date)! });
          return this.get(schoolId, date, revision) ?? { revision, ...loaded.get(date)! };
        },
        () => undefined,
      );
      this.loading.set(key, shared);
      void shared.finally(() => { if (this.loading.get(key) === shared) this.loading.delete(key); });
    }
    return batch;
  }

  set(schoolId: string, date: CalendarDate, day: CachedSchoolDay): void {
    if (!this.enabled) return;
    const key = `${schoolId}|${date}`;
    this.days.delete(key);
    this.days.set(key, deepFreeze(day));
    this.evictBeyondCapacity();
  }

  get size(): number {
    return this.days.size;
  }

  clear(): void {
    this.days.clear();
  }

  private evictBeyondCapacity(): void {
    for (const key of this.days.keys()) {
      if (this.days.size <= this.capacity) break;
      this.days.delete(key);
    }
  }
}

const loadingKey = (schoolId: string, date: CalendarDate, revision: string) => `${schoolId}|${date}|${revision}`;

// Readers share the cached objects: freezing makes an accidental write fail loudly instead of
// changing what every later reader sees.
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const inner of Object.values(value as object)) deepFreeze(inner);
  return value;
}

/** One cache per process; server start sizes it from TIMETABLE_CACHE_DAYS. */
export const timetableDayCache = new TimetableDayCache(200);
