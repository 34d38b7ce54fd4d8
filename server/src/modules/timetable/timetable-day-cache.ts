import type { CalendarDate } from '@schulverwaltung/shared';
import type { DatedLesson, DayOffRow, TimeGridRow } from './timetable-data';

// Expanded school days, kept in memory: every absence entry, class register and day view asks for
// the same few days of a school again and again, and expanding them costs four statements and the
// expansion itself each time. A day is cached under the school's timetable revision
// (schools.timetable_revision, set by database triggers on every change of what a timetable is
// built from), so whoever changes the timetable — an import, the CLI, another server instance —
// makes every cached day of that school stale at once. Least recently used days are dropped first.

export interface CachedSchoolDay {
  revision: string;
  /** every lesson of the school that day, by time; frozen, shared by all readers */
  lessons: readonly DatedLesson[];
  /** days off that touch the day */
  daysOff: readonly DayOffRow[];
  timeGrid: readonly TimeGridRow[];
}

export class TimetableDayCache {
  private readonly days = new Map<string, CachedSchoolDay>();

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
