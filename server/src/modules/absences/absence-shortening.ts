import type { CalendarDate } from '@schulverwaltung/shared';
import type { AbsenceSpan } from './absence-overlap';
import type { SchoolCalendar } from './school-calendar';

// The class register says the pupil was there in a lesson a reported absence covers: the pupil
// came later (or, for an early leave, left later). Confirming that shortens the absence:
// - whole days: they end the school day before the pupil came back; the lessons of that day before
//   the pupil came stay missed (periods); arriving late in the first lesson becomes a late arrival;
// - periods: they end before the lesson the pupil was in;
// - early leave: it starts after the last lesson the pupil was in.
// Nothing left to miss: the absence goes.

export interface Presence {
  date: CalendarDate;
  period: number;
  status: 'PRESENT' | 'LATE';
  lateMinutes: number | null;
}

type SpanFields = Pick<AbsenceSpan, 'kind' | 'startsOn' | 'endsOn' | 'periodFrom' | 'periodTo' | 'minutes'>;

export interface Shortening {
  /** the new span of the absence, or null: delete it */
  kept: SpanFields | null;
  /** whole days that ended the day before: the missed part of the day the pupil came back (a new entry) */
  added: SpanFields | null;
}

/** `periodsOn(date)`: the periods of the pupil's lessons that day (that take place). */
export function shortenForPresence(absence: SpanFields, presence: Presence[], periodsOn: (date: CalendarDate) => number[], calendar: SchoolCalendar): Shortening {
  const ordered = [...presence].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.period - b.period));
  if (absence.kind === 'EARLY_LEAVE') return { kept: laterLeave(absence, ordered[ordered.length - 1], periodsOn), added: null };
  const first = ordered[0];
  if (absence.kind === 'PERIODS') return { kept: first.period > (absence.periodFrom ?? 1) ? { ...absence, periodTo: first.period - 1 } : lateArrival(first), added: null };
  const morning = partBefore(first, periodsOn);
  if (first.date <= absence.startsOn) return { kept: morning, added: null };
  return { kept: { ...absence, endsOn: calendar.previousSchoolDay(first.date) }, added: morning };
}

/** The part of a whole day absent before the pupil came: the periods of their earlier lessons, or a late arrival in the first one. */
function partBefore(first: Presence, periodsOn: (date: CalendarDate) => number[]): SpanFields | null {
  const earlier = periodsOn(first.date).filter((period) => period < first.period);
  if (earlier.length === 0) return lateArrival(first);
  return { kind: 'PERIODS', startsOn: first.date, endsOn: first.date, periodFrom: Math.min(...earlier), periodTo: first.period - 1, minutes: null };
}

/** Marked late in the register: a late arrival with those minutes; present on time: nothing was missed. */
function lateArrival(first: Presence): SpanFields | null {
  if (first.status !== 'LATE' || !first.lateMinutes) return null;
  return { kind: 'LATE', startsOn: first.date, endsOn: first.date, periodFrom: first.period, periodTo: null, minutes: first.lateMinutes };
}

function laterLeave(absence: SpanFields, last: Presence, periodsOn: (date: CalendarDate) => number[]): SpanFields | null {
  const later = periodsOn(last.date).filter((period) => period > last.period);
  return later.length > 0 ? { ...absence, periodFrom: Math.min(...later) } : null;
}
