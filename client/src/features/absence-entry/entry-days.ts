import { parseCalendarDate } from '@schulverwaltung/shared';
import type { CalendarDate } from '@schulverwaltung/shared';
import { mondayOf } from '@/features/timetable/week';

// The day choices of the quick entry, worked out on the school's own school days (from the
// server's schoolDays query, so holidays count as they do for the absence rules). The first of
// them is the entry day: today when it is a school day, else the next one (a Sunday evening's
// call is for Monday).

export type DayChoice = 'TODAY' | 'TWO_DAYS' | 'UNTIL_FRIDAY' | 'RANGE';

export interface DaySpan {
  startsOn: CalendarDate;
  endsOn: CalendarDate;
}

/**
 * The days a choice stands for; null while the school days are unknown or the range is
 * incomplete or backwards. "Until Friday" ends on the last school day of the entry day's week.
 */
export function spanForChoice(choice: DayChoice, schoolDays: readonly CalendarDate[], range: Partial<DaySpan>): DaySpan | null {
  if (choice === 'RANGE') {
    const { startsOn, endsOn } = range;
    return startsOn && endsOn && startsOn <= endsOn ? { startsOn, endsOn } : null;
  }
  const [entryDay, nextDay] = schoolDays;
  if (!entryDay) return null;
  if (choice === 'TODAY') return { startsOn: entryDay, endsOn: entryDay };
  if (choice === 'TWO_DAYS') return { startsOn: entryDay, endsOn: nextDay ?? entryDay };
  const sameWeek = schoolDays.filter((day) => mondayOf(day) === mondayOf(entryDay));
  return { startsOn: entryDay, endsOn: sameWeek[sameWeek.length - 1] };
}

const pad = (value: number) => String(value).padStart(2, '0');
const dayMonth = (date: CalendarDate) => {
  const { month, day } = parseCalendarDate(date);
  return `${pad(day)}.${pad(month)}.`;
};
const fullDate = (date: CalendarDate) => `${dayMonth(date)}${parseCalendarDate(date).year}`;

/** For the success message: "30.11." or "30.11.–01.12." (the year is obvious on the phone). */
export function shortSpanLabel(span: DaySpan): string {
  return span.startsOn === span.endsOn ? dayMonth(span.startsOn) : `${dayMonth(span.startsOn)}–${dayMonth(span.endsOn)}`;
}

/** For lists: "30.11.2026", "30.11.–01.12.2026", across a new year "30.12.2026–04.01.2027". */
export function spanLabel(span: DaySpan): string {
  if (span.startsOn === span.endsOn) return fullDate(span.startsOn);
  const sameYear = span.startsOn.slice(0, 4) === span.endsOn.slice(0, 4);
  return `${sameYear ? dayMonth(span.startsOn) : fullDate(span.startsOn)}–${fullDate(span.endsOn)}`;
}
